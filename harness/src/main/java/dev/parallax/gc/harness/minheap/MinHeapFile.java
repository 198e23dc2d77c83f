package dev.parallax.gc.harness.minheap;

import dev.parallax.gc.api.GcConfigException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Minimum heaps read back from the CSV that {@code minheap --csv} writes ({@link MinHeapTable#csv()}),
 * by what they were measured for. Every problem with the file is a {@link GcConfigException} naming
 * the file (and the record): the user's to fix.
 */
public final class MinHeapFile {
    /**
     * One measured minimum.
     *
     * @param minBytes    the minimum heap, or -1 when its search found none
     * @param granularity the search's step
     */
    public record Entry(long minBytes, long granularity) {
    }

    private static final List<String> REQUIRED = List.of(MinHeapTable.WORKLOAD, MinHeapTable.COLLECTOR,
            MinHeapTable.ROOTS, MinHeapTable.TAGS, MinHeapTable.SAFEPOINTS, MinHeapTable.SETTINGS,
            MinHeapTable.MIN_HEAP, MinHeapTable.GRANULARITY);

    private final String source;
    private final Map<MinHeapKey, Entry> entries;

    private MinHeapFile(String source, Map<MinHeapKey, Entry> entries) {
        this.source = source;
        this.entries = entries;
    }

    /**
     * Reads {@code file}.
     *
     * @param option the option that named it, for messages (e.g. "--min-heap")
     * @throws GcConfigException when it is missing, unreadable, not such a CSV, or holds a bad value
     */
    public static MinHeapFile read(String option, Path file) {
        String source = option + " " + file;
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> missing = REQUIRED.stream().filter(c -> !parser.getHeaderNames().contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new GcConfigException(source + ": not a minimum-heap CSV as 'minheap --csv' writes it (no "
                        + String.join(", ", missing) + " column)");
            }
            Map<MinHeapKey, Entry> entries = new LinkedHashMap<>();
            for (CSVRecord record : parser) {
                String where = source + " record " + record.getRecordNumber();
                if (!record.isConsistent()) {
                    throw new GcConfigException(where + ": " + record.size() + " fields where the header has "
                            + parser.getHeaderNames().size());
                }
                MinHeapKey key = new MinHeapKey(record.get(MinHeapTable.WORKLOAD), record.get(MinHeapTable.COLLECTOR),
                        record.get(MinHeapTable.ROOTS), record.get(MinHeapTable.TAGS),
                        record.get(MinHeapTable.SAFEPOINTS), record.get(MinHeapTable.SETTINGS));
                String min = record.get(MinHeapTable.MIN_HEAP);
                Entry entry = new Entry(min.isEmpty() ? -1 : bytes(where, MinHeapTable.MIN_HEAP, min),
                        bytes(where, MinHeapTable.GRANULARITY, record.get(MinHeapTable.GRANULARITY)));
                if (entries.put(key, entry) != null) {
                    throw new GcConfigException(where + ": a second minimum for " + key.describe());
                }
            }
            return new MinHeapFile(source, entries);
        } catch (NoSuchFileException e) {
            throw new GcConfigException(source + ": no such file");
        } catch (IOException | UncheckedIOException e) {
            throw new GcConfigException(source + ": cannot read it: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) { // commons-csv: a malformed header or quote
            throw new GcConfigException(source + ": not valid CSV: " + e.getMessage(), e);
        }
    }

    /**
     * The minimum measured for {@code key}.
     *
     * @throws GcConfigException when the file has none for it, naming what it has
     */
    public Entry require(MinHeapKey key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            String has = entries.isEmpty() ? "nothing" : entries.keySet().stream().map(MinHeapKey::describe)
                    .collect(Collectors.joining("; "));
            throw new GcConfigException(source + " has no minimum heap for " + key.describe() + "; it has: " + has
                    + "; measure it with 'minheap --csv' and the same strategies");
        }
        if (entry.minBytes() < 0) {
            throw new GcConfigException(source + ": the search for " + key.describe() + " found no minimum heap");
        }
        return entry;
    }

    private static long bytes(String where, String column, String text) {
        try {
            long value = Long.parseLong(text.strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GcConfigException(where + ": " + column + " = '" + text + "' is not a positive byte count");
    }
}
