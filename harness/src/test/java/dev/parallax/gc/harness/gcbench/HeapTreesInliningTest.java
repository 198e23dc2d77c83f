package dev.parallax.gc.harness.gcbench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mutator fast path stays small enough for the JIT to inline into the code that calls it, as a
 * compiler's emitted allocation and barrier sequences are inline. Runs {@link InliningProbe} in a
 * fresh JVM with C2 alone and its inlining decisions printed for the probe's callers, and fails
 * when a hot mutator method is refused for its own size ("callee is too large", "hot method too
 * big", "already compiled into a big method").
 *
 * <p>In the recursive builders C2 also inlines one level of the recursion, and the calls after it
 * may meet the caller's node budget (NodeCountInliningCutoff): that is the caller's size, not the
 * callee's, and is allowed there; in the flat loop every call must inline.
 */
class HeapTreesInliningTest {
    /** The fast path GCBench's builders use. */
    private static final List<String> HOT = List.of("pushFrame", "popFrame", "setRef", "ref", "allocate", "writeRef",
            "readRef", "functionEntry");
    private static final Pattern SIZE_REFUSAL = Pattern.compile("too large|too big|already compiled into a big method");
    private static final Pattern CALL = Pattern.compile("^(\\s*)(?:[!msbcn]+\\s+)?@ \\d+\\s+(\\S+)::(\\w+) \\(\\d+ bytes\\)\\s+(.*)$");
    private static final Pattern COMPILATION = Pattern.compile("^\\s*\\d+\\s+\\d+\\s.*?(\\S+)::(\\w+) \\(\\d+ bytes\\)\\s*$");

    /** One inlining decision: who called which mutator method, how deep, and what C2 said. */
    private record Decision(String caller, int depth, String method, String verdict) {
        boolean inlined() {
            return verdict.startsWith("inline");
        }
    }

    @Test
    void theFastPathInlinesIntoGcBenchsBuildersAndIntoAFlatLoop() throws Exception {
        List<Decision> decisions = probe();
        Map<String, Integer> inlined = new LinkedHashMap<>();
        for (Decision d : decisions) {
            assertTrue(!SIZE_REFUSAL.matcher(d.verdict()).find(),
                    "mutator method " + d.method() + " refused for its size in " + d.caller() + ": " + d.verdict());
            if (d.caller().endsWith("::nodes")) {
                assertTrue(d.inlined(), "in the flat loop every mutator call inlines: " + d);
            }
            if (d.inlined()) {
                inlined.merge(d.caller().replaceAll(".*::", "") + "/" + d.method(), 1, Integer::sum);
            }
        }
        for (String method : HOT) {
            assertTrue(inlined.keySet().stream().anyMatch(k -> k.equals("populate/" + method)
                    || k.equals("makeTree/" + method)), method + " never inlined into a builder: " + inlined);
        }
        for (String method : List.of("pushFrame", "popFrame", "setRef", "ref", "allocate", "writeRef", "readRef")) {
            assertTrue(inlined.containsKey("nodes/" + method), method + " not inlined into the flat loop: " + inlined);
        }
    }

    /** Runs the probe and returns the decisions about mutator methods inside the probed callers. */
    private static List<Decision> probe() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-XX:-TieredCompilation", "-XX:+UnlockDiagnosticVMOptions",
                "-XX:CompileCommand=quiet", "-XX:+PrintCompilation",
                "-XX:CompileCommand=option,dev.parallax.gc.harness.gcbench.HeapTrees::populate,PrintInlining",
                "-XX:CompileCommand=option,dev.parallax.gc.harness.gcbench.HeapTrees::makeTree,PrintInlining",
                "-XX:CompileCommand=option,dev.parallax.gc.harness.gcbench.InliningProbe::nodes,PrintInlining",
                "-Dguice_bytecode_gen_option=DISABLED", "-cp", System.getProperty("java.class.path"),
                InliningProbe.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the probe did not finish");
        assertEquals(0, process.exitValue(), output);
        List<Decision> decisions = new ArrayList<>();
        String caller = null;
        int base = -1;
        for (String line : output.lines().toList()) {
            Matcher compiled = COMPILATION.matcher(line);
            if (compiled.matches() && !line.contains("@")) {
                caller = compiled.group(1) + "::" + compiled.group(2);
                base = -1;
                continue;
            }
            Matcher call = CALL.matcher(line);
            if (caller != null && call.matches()) {
                int indent = call.group(1).length();
                base = base < 0 ? indent : Math.min(base, indent);
                if (call.group(2).contains("MutatorImpl") && HOT.contains(call.group(3))) {
                    decisions.add(new Decision(caller, (indent - base) / 2, call.group(3), call.group(4)));
                }
            }
        }
        assertTrue(decisions.size() > 10, "the probe's output held no inlining decisions:\n" + output);
        return decisions;
    }
}
