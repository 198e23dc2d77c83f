package dev.parallax.gc.runtime.jfr;

import jdk.jfr.Label;
import jdk.jfr.MetadataDefinition;
import jdk.jfr.Name;
import jdk.jfr.Relational;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a field holding a collection's sequence number, so tools can join phases to their pause. */
@MetadataDefinition
@Relational
@Name("dev.parallax.gc.CollectionNumber")
@Label("Collection Number")
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface CollectionNumber {
}
