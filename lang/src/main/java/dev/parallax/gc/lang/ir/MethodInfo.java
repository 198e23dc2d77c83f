package dev.parallax.gc.lang.ir;

import dev.parallax.gc.lang.types.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * A checked method, closure body or intrinsic: its signature, body and frame layout. Filled in by
 * the checker (a method's signature first, so that calls may precede the callee, then its body);
 * read-only afterwards.
 *
 * <p>Frame layout, shared by both engines: reference slots {@code 0 .. refVarSlots-1} hold reference
 * variables, {@code refVarSlots .. refVarSlots+tempSlots-1} the temporaries of {@link Ir.Held}
 * expressions; raw slots hold ints and booleans; strings live in a side array.
 */
public final class MethodInfo {
    private final String name;
    private final Site site;
    private final int index;
    private final List<Var> params = new ArrayList<>();
    private final List<Var> vars = new ArrayList<>();
    private Type result = Type.VOID;
    private Ir.Block body;
    private IntrinsicInfo intrinsic;
    private Closure closure;
    private int refVarSlots;
    private int tempSlots;
    private int rawSlots;
    private int stringSlots;

    /**
     * A closure's extras: its code id (the closure objects' header type id), its environment
     * parameter and the variables it captures, by environment index.
     *
     * @param captured the enclosing variables' names, by environment slot
     * @param types    their types
     */
    public record Closure(int codeId, Type.Fn type, Var env, List<String> captured, List<Type> types) {
    }

    /** @param index the method's position among the script's methods and closures (a dense id) */
    public MethodInfo(String name, Site site, int index) {
        this.name = name;
        this.site = site;
        this.index = index;
    }

    public String name() {
        return name;
    }

    public Site site() {
        return site;
    }

    public int index() {
        return index;
    }

    public List<Var> params() {
        return params;
    }

    /** Every variable of the method, parameters first, by id. */
    public List<Var> vars() {
        return vars;
    }

    public Type result() {
        return result;
    }

    public void setResult(Type result) {
        this.result = result;
    }

    /** The body, or null for an intrinsic. */
    public Ir.Block body() {
        return body;
    }

    public void setBody(Ir.Block body) {
        this.body = body;
    }

    /** The Java binding of an intrinsic method, or null. */
    public IntrinsicInfo intrinsic() {
        return intrinsic;
    }

    public void setIntrinsic(IntrinsicInfo intrinsic) {
        this.intrinsic = intrinsic;
    }

    /** The closure facts of a closure body, or null for a method. */
    public Closure closure() {
        return closure;
    }

    public void setClosure(Closure closure) {
        this.closure = closure;
    }

    public boolean isClosure() {
        return closure != null;
    }

    /** The method's type as a function value: its parameter types (without a closure's environment) and result. */
    public Type.Fn type() {
        List<Type> types = new ArrayList<>();
        for (Var p : params) {
            types.add(p.type());
        }
        if (closure != null) {
            types.removeFirst();
        }
        return new Type.Fn(types, result);
    }

    /** Reference slots of variables (the temporaries follow). */
    public int refVarSlots() {
        return refVarSlots;
    }

    /** Reference slots of temporaries, after the variables'. */
    public int tempSlots() {
        return tempSlots;
    }

    /** Every reference slot: variables and temporaries. */
    public int refSlots() {
        return refVarSlots + tempSlots;
    }

    public int rawSlots() {
        return rawSlots;
    }

    public int stringSlots() {
        return stringSlots;
    }

    /** The reference slot of temporary {@code temp}. */
    public int tempSlot(int temp) {
        return refVarSlots + temp;
    }

    public void setLayout(int refVarSlots, int tempSlots, int rawSlots, int stringSlots) {
        this.refVarSlots = refVarSlots;
        this.tempSlots = tempSlots;
        this.rawSlots = rawSlots;
        this.stringSlots = stringSlots;
    }

    @Override
    public String toString() {
        return name;
    }
}
