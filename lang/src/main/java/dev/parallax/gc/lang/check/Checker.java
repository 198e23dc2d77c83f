package dev.parallax.gc.lang.check;

import dev.parallax.gc.lang.ScriptException;
import dev.parallax.gc.lang.ir.CheckedScript;
import dev.parallax.gc.lang.ir.IntrinsicInfo;
import dev.parallax.gc.lang.ir.Ir;
import dev.parallax.gc.lang.ir.Layout;
import dev.parallax.gc.lang.ir.MethodInfo;
import dev.parallax.gc.lang.ir.Site;
import dev.parallax.gc.lang.ir.Var;
import dev.parallax.gc.lang.syntax.Ast;
import dev.parallax.gc.lang.syntax.Pos;
import dev.parallax.gc.lang.syntax.TokenKind;
import dev.parallax.gc.lang.types.Type;
import dev.parallax.gc.lang.types.TypeInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves and type-checks a parsed script into the {@link Ir} both engines run: declares the types
 * and lays them out, gives every variable its frame slot (reference, raw or string; variables of
 * scopes that are never alive together share slots), resolves calls to methods, closures and
 * built-ins, makes conversions explicit and wraps the operands that must survive a later operand's
 * safepoint in {@link Ir.Held} temporaries. Every error is a {@link ScriptException} of kind TYPE at
 * {@code file:line:col}.
 */
public final class Checker {
    /** Built-ins that never reach a safepoint (their operands may still). */
    private static final Set<String> NO_SAFEPOINT = Set.of("gcCount", "threadId", "tid", "hash", "setRandomSeed",
            "setSeed", "random", "unbox", "describe", "heapDump", "setOption");
    /** Built-ins written as statements. */
    private static final Set<String> STATEMENTS = Set.of("print", "assert", "expect", "spawn");
    /** The built-ins of weak, soft and phantom references (they are reserved names like the others). */
    private static final Set<String> REFERENCES = Set.of("weakRef", "softRef", "phantomRef", "getWeakReferent",
            "getSoftReferent", "getPhantomReferent");
    private static final Set<String> BUILTINS = builtins();
    private static final Set<String> REFERENCE_TYPES = Set.of("weakref", "softref", "phantomref");
    private static final Set<String> TYPE_NAMES = Set.of("int", "boolean", "string", "object", "void", "box");

    private final Ast.Script script;
    private final String file;
    private final Map<String, TypeInfo> types = new LinkedHashMap<>();
    private final Map<String, Ast.TypeDecl> typeDecls = new HashMap<>();
    private final Map<String, MethodInfo> methods = new LinkedHashMap<>();
    private final List<MethodInfo> all = new ArrayList<>();
    private final List<MethodInfo> closures = new ArrayList<>();
    private boolean usesHash;

    private Checker(Ast.Script script) {
        this.script = script;
        this.file = script.source().name();
    }

    /** Checks {@code script}. @throws ScriptException at the first error */
    public static CheckedScript check(Ast.Script script) {
        return new Checker(script).run();
    }

    private CheckedScript run() {
        for (Ast.TypeDecl t : script.types()) {
            declareType(t);
        }
        for (Ast.TypeDecl t : script.types()) {
            layOut(t);
        }
        Map<MethodInfo, Ast.MethodDecl> bodies = new LinkedHashMap<>();
        for (Ast.MethodDecl m : script.methods()) {
            bodies.put(declareMethod(m), m);
        }
        for (Map.Entry<MethodInfo, Ast.MethodDecl> e : bodies.entrySet()) {
            if (e.getValue().body() != null) {
                new Body(e.getKey(), null).checkMethod(e.getValue().body());
            }
        }
        MethodInfo main = methods.get("main");
        if (main == null) {
            throw error(new Pos(1, 1), "the script has no main() method; execution starts at main()");
        }
        if (!main.params().isEmpty() || main.intrinsic() != null) {
            throw error(posOf("main"), "main() must take no parameters and have a body");
        }
        return new CheckedScript(script.source(), all, closures, List.copyOf(types.values()), script.options(), main,
                usesHash);
    }

    private Pos posOf(String method) {
        for (Ast.MethodDecl m : script.methods()) {
            if (m.name().equals(method)) {
                return m.pos();
            }
        }
        return new Pos(1, 1);
    }

    // ---- declarations -----------------------------------------------------------------------------

    private void declareType(Ast.TypeDecl t) {
        if (TYPE_NAMES.contains(t.name()) || REFERENCE_TYPES.contains(t.name())) {
            throw error(t.pos(), "'" + t.name() + "' is a built-in type; a declared type needs another name");
        }
        if (types.containsKey(t.name())) {
            throw error(t.pos(), "type '" + t.name() + "' is declared twice (first at "
                    + typeDecls.get(t.name()).pos() + ")");
        }
        types.put(t.name(), new TypeInfo(t.name()));
        typeDecls.put(t.name(), t);
    }

    private void layOut(Ast.TypeDecl t) {
        List<String> names = new ArrayList<>();
        List<Type> fieldTypes = new ArrayList<>();
        for (Ast.FieldDecl f : t.fields()) {
            if (names.contains(f.name())) {
                throw error(f.pos(), "field '" + f.name() + "' is declared twice in type '" + t.name() + "'");
            }
            if (f.name().equals("object") || f.name().equals("int")) {
                throw error(f.pos(), "a field cannot be called '" + f.name() + "': o." + f.name()
                        + "[i] is the indexed field access");
            }
            Type type = type(f.type());
            if (type == Type.STRING || type == Type.VOID) {
                throw error(f.pos(), "field '" + f.name() + "' cannot be a " + type
                        + ": fields are int, boolean or references");
            }
            names.add(f.name());
            fieldTypes.add(type);
        }
        types.get(t.name()).layOut(names, fieldTypes);
    }

    private MethodInfo declareMethod(Ast.MethodDecl m) {
        if (BUILTINS.contains(m.name()) || STATEMENTS.contains(m.name()) || REFERENCES.contains(m.name())) {
            throw error(m.pos(), "method '" + m.name() + "' has the name of a built-in; choose another name");
        }
        if (methods.containsKey(m.name())) {
            throw error(m.pos(), "method '" + m.name() + "' is declared twice (first at "
                    + methods.get(m.name()).site().pos() + ")");
        }
        MethodInfo info = new MethodInfo(m.name(), new Site(file, m.pos(), m.name()), all.size());
        info.setResult(m.result() == null ? Type.VOID : type(m.result(), true));
        Body signature = new Body(info, null);
        for (Ast.Param p : m.params()) {
            signature.declare(p.pos(), p.name(), type(p.type()), true);
        }
        signature.freezeParams();
        if (m.intrinsic() != null) {
            info.setIntrinsic(intrinsic(m, info));
        }
        methods.put(m.name(), info);
        all.add(info);
        return info;
    }

    private IntrinsicInfo intrinsic(Ast.MethodDecl m, MethodInfo info) {
        List<String> java = new ArrayList<>();
        for (Var p : info.params()) {
            String name = javaType(p.type());
            if (name == null) {
                throw error(m.pos(), "intrinsic '" + m.name() + "': parameter '" + p.name() + "' is a " + p.type()
                        + "; intrinsics take int, boolean and string values (Java code never holds heap addresses)");
            }
            java.add(name);
        }
        if (info.result() != Type.VOID && javaType(info.result()) == null) {
            throw error(m.pos(), "intrinsic '" + m.name() + "' returns a " + info.result()
                    + "; intrinsics return int, boolean, string or nothing");
        }
        List<String> declared = m.intrinsic().signature();
        if (declared != null) {
            if (declared.size() != java.size()) {
                throw error(m.intrinsic().pos(), "intrinsic '" + m.name() + "' has " + java.size()
                        + " parameters but its signature names " + declared.size() + " Java types");
            }
            for (int i = 0; i < declared.size(); i++) {
                String want = java.get(i);
                String given = declared.get(i);
                if (!given.equals(want) && !(want.equals("java.lang.String") && given.equals("String"))) {
                    throw error(m.intrinsic().pos(), "intrinsic '" + m.name() + "': parameter " + (i + 1) + " is "
                            + info.params().get(i).type() + " (Java " + want + ") but the signature says " + given);
                }
            }
        }
        return new IntrinsicInfo(m.intrinsic().className(), m.intrinsic().methodName(), java);
    }

    private static String javaType(Type t) {
        if (t == Type.INT) {
            return "int";
        }
        if (t == Type.BOOLEAN) {
            return "boolean";
        }
        return t == Type.STRING ? "java.lang.String" : null;
    }

    private Type type(Ast.TypeRef ref) {
        return type(ref, false);
    }

    private Type type(Ast.TypeRef ref, boolean voidAllowed) {
        return switch (ref) {
            case Ast.FnType f -> {
                List<Type> params = new ArrayList<>();
                for (Ast.TypeRef p : f.params()) {
                    Type t = type(p);
                    params.add(t);
                }
                yield new Type.Fn(params, f.result() == null ? Type.VOID : type(f.result(), true));
            }
            case Ast.NamedType n -> switch (n.name()) {
                case "int" -> Type.INT;
                case "boolean" -> Type.BOOLEAN;
                case "string" -> Type.STRING;
                case "object" -> Type.OBJECT;
                case "box" -> Type.BOX;
                case "void" -> {
                    if (!voidAllowed) {
                        throw error(n.pos(), "'void' is only a method's result type");
                    }
                    yield Type.VOID;
                }
                case "weakref" -> Type.WEAKREF;
                case "softref" -> Type.SOFTREF;
                case "phantomref" -> Type.PHANTOMREF;
                default -> {
                    TypeInfo info = types.get(n.name());
                    if (info == null) {
                        throw error(n.pos(), "unknown type '" + n.name() + "'");
                    }
                    yield new Type.User(info);
                }
            };
        };
    }

    private ScriptException error(Pos pos, String message) {
        return new ScriptException(ScriptException.Kind.TYPE, file, pos, null, message);
    }

    private static Set<String> builtins() {
        Set<String> all = new java.util.HashSet<>(NO_SAFEPOINT);
        all.addAll(Set.of("gc", "barrierWait", "box", "boxDouble"));
        return Set.copyOf(all);
    }

    // ---- method bodies ----------------------------------------------------------------------------

    /** How a name resolves inside a body: a variable of this body, or a captured one. */
    private record Resolved(Ir.Expr read, Var local, int captured) {
    }

    /** The checking state of one method or closure body. */
    private final class Body {
        private final MethodInfo method;
        private final Body enclosing;
        private final List<Map<String, Var>> scopes = new ArrayList<>();
        private final List<List<Var>> scopeVars = new ArrayList<>();
        private final Map<Var, Pos> declaredAt = new HashMap<>();
        private final List<String> captured = new ArrayList<>();
        private final List<Type> capturedTypes = new ArrayList<>();
        private Var env;
        private int refDepth;
        private int rawDepth;
        private int stringDepth;
        private int maxRef;
        private int maxRaw;
        private int maxString;
        private int maxTemps;

        Body(MethodInfo method, Body enclosing) {
            this.method = method;
            this.enclosing = enclosing;
            scopes.add(new HashMap<>());
            scopeVars.add(new ArrayList<>());
        }

        Site site(Pos pos) {
            return new Site(file, pos, method.name());
        }

        void freezeParams() {
            method.setLayout(maxRef, 0, maxRaw, maxString);
        }

        /** Checks a declared method's body, its parameters re-declared from the signature. */
        void checkMethod(Ast.Block block) {
            List<Var> params = List.copyOf(method.params());
            method.params().clear();
            method.vars().clear();
            for (Var p : params) {
                declaredAt.put(declareVar(p.name(), p.type(), true), method.site().pos());
            }
            Ir.Block body = block(block, true);
            method.setBody(body);
            method.setLayout(maxRef, maxTemps, maxRaw, maxString);
        }

        Var declare(Pos pos, String name, Type type, boolean param) {
            Var visible = lookupLocal(name);
            if (visible != null) {
                throw error(pos, (param ? "parameter '" : "variable '") + name + "' is already declared at "
                        + declaredAt.get(visible));
            }
            Var v = declareVar(name, type, param);
            declaredAt.put(v, pos);
            return v;
        }

        private Var declareVar(String name, Type type, boolean param) {
            int slot;
            if (type.isReference()) {
                slot = refDepth++;
                maxRef = Math.max(maxRef, refDepth);
            } else if (type == Type.STRING) {
                slot = stringDepth++;
                maxString = Math.max(maxString, stringDepth);
            } else {
                slot = rawDepth++;
                maxRaw = Math.max(maxRaw, rawDepth);
            }
            Var v = new Var(name, type, method.vars().size(), slot);
            method.vars().add(v);
            if (param) {
                method.params().add(v);
            }
            scopes.getLast().put(name, v);
            scopeVars.getLast().add(v);
            return v;
        }

        private Var lookupLocal(String name) {
            for (int i = scopes.size() - 1; i >= 0; i--) {
                Var v = scopes.get(i).get(name);
                if (v != null) {
                    return v;
                }
            }
            return null;
        }

        /** A variable visible here: local, already captured, or captured now from an enclosing body. */
        Resolved resolve(String name, Pos pos) {
            Var v = lookupLocal(name);
            if (v != null) {
                return new Resolved(new Ir.Local(site(pos), v), v, -1);
            }
            if (enclosing == null) {
                return null;
            }
            int index = captured.indexOf(name);
            if (index < 0) {
                Resolved outer = enclosing.resolve(name, pos);
                if (outer == null) {
                    return null;
                }
                Type t = outer.read().type();
                if (t == Type.STRING) {
                    throw error(pos, "a closure cannot capture string variable '" + name
                            + "': closure environments live on the heap and hold only ints, booleans and references");
                }
                captured.add(name);
                capturedTypes.add(t);
                index = captured.size() - 1;
            }
            return new Resolved(new Ir.Captured(site(pos), env, index, capturedTypes.get(index)), null, index);
        }

        // ---- statements ---------------------------------------------------------------------------

        Ir.Block block(Ast.Block block, boolean methodBody) {
            if (!methodBody) {
                pushScope();
            }
            List<Ir.Stmt> stmts = new ArrayList<>();
            for (Ast.Stmt s : block.stmts()) {
                stmts.add(statement(s));
            }
            List<Var> scoped = methodBody ? List.of() : popScope();
            return new Ir.Block(site(block.pos()), stmts, scoped);
        }

        private void pushScope() {
            scopes.add(new HashMap<>());
            scopeVars.add(new ArrayList<>());
        }

        private List<Var> popScope() {
            scopes.removeLast();
            List<Var> vars = scopeVars.removeLast();
            for (Var v : vars) {
                switch (v.kind()) {
                    case REFERENCE -> refDepth--;
                    case RAW -> rawDepth--;
                    case STRING -> stringDepth--;
                }
            }
            return vars;
        }

        Ir.Stmt statement(Ast.Stmt s) {
            Site site = site(s.pos());
            return switch (s) {
                case Ast.Block b -> block(b, false);
                case Ast.Declare d -> {
                    Type type = type(d.type());
                    Ir.Expr init = d.init() == null ? defaultValue(site, type)
                            : convert(expr(d.init(), 0), type, "the initial value of '" + d.name() + "'");
                    Var v = declare(d.pos(), d.name(), type, false);
                    yield new Ir.Assign(site, v, init);
                }
                case Ast.Assign a -> assignment(site, a);
                case Ast.ExprStmt e -> callStatement(site, (Ast.Call) e.expr());
                case Ast.If i -> {
                    List<Ir.Expr> conds = new ArrayList<>();
                    List<Ir.Block> blocks = new ArrayList<>();
                    for (int k = 0; k < i.conds().size(); k++) {
                        conds.add(condition(expr(i.conds().get(k), 0), i.conds().get(k).pos()));
                        blocks.add(block(i.blocks().get(k), false));
                    }
                    yield new Ir.If(site, conds, blocks, i.otherwise() == null ? null : block(i.otherwise(), false));
                }
                case Ast.While w -> new Ir.While(site, condition(expr(w.cond(), 0), w.cond().pos()),
                        block(w.body(), false));
                case Ast.Return r -> {
                    if (method.result() == Type.VOID) {
                        if (r.value() != null) {
                            throw error(r.pos(), "method '" + method.name() + "' returns nothing; 'return' takes no value");
                        }
                        yield new Ir.Return(site, null);
                    }
                    if (r.value() == null) {
                        throw error(r.pos(), "method '" + method.name() + "' returns a " + method.result()
                                + "; 'return' needs a value");
                    }
                    yield new Ir.Return(site, convert(expr(r.value(), 0), method.result(), "the returned value"));
                }
            };
        }

        private Ir.Stmt assignment(Site site, Ast.Assign a) {
            switch (a.target()) {
                case Ast.Name n -> {
                    Resolved r = resolve(n.name(), n.pos());
                    if (r == null) {
                        throw unknownVariable(n.name(), n.pos());
                    }
                    Ir.Expr value = convert(expr(a.value(), 0), r.read().type(), "the value assigned to '" + n.name()
                            + "'");
                    return r.local() != null ? new Ir.Assign(site, r.local(), value)
                            : new Ir.AssignCaptured(site, env, r.captured(), value);
                }
                case Ast.Field f -> {
                    if (f.index() != null) {
                        boolean refs = indexedKind(f);
                        List<Ir.Expr> ops = operands(List.of(f.object(), f.index(), a.value()), 0, (i, x) -> switch (i) {
                            case 0 -> objectOperand(x, f);
                            case 1 -> convert(x, Type.INT, "the field index");
                            default -> refs ? reference(x, "the value stored in " + f.name() + "[...]")
                                    : convert(x, Type.INT, "the value stored in int[...]");
                        }, false);
                        return new Ir.WriteIndexed(site, ops.get(0), refs, ops.get(1), ops.get(2));
                    }
                    TypeInfo.Field[] field = new TypeInfo.Field[1];
                    List<Ir.Expr> ops = operands(List.of(f.object(), a.value()), 0, (i, x) -> {
                        if (i == 0) {
                            field[0] = namedField(x, f);
                            return x;
                        }
                        return convert(x, field[0].type(), "the value stored in field '" + f.name() + "'");
                    }, false);
                    return new Ir.WriteNamed(site, ops.get(0), field[0], ops.get(1));
                }
                default -> throw error(a.target().pos(), "only a variable or a field can be assigned to");
            }
        }

        private Ir.Stmt callStatement(Site site, Ast.Call c) {
            switch (c.name()) {
                case "print" -> {
                    if (resolve("print", c.pos()) == null) { // else a function value named print
                        return new Ir.Print(site, textParts(c.args()));
                    }
                }
                case "assert" -> {
                    if (c.args().isEmpty()) {
                        throw error(c.pos(), "assert takes a condition and optional message parts");
                    }
                    Ir.Expr cond = condition(expr(c.args().getFirst(), 0), c.args().getFirst().pos());
                    return new Ir.Assert(site, cond, textParts(c.args().subList(1, c.args().size())));
                }
                case "expect" -> {
                    if (c.args().size() != 1 || !(c.args().getFirst() instanceof Ast.Name n)
                            || !n.name().equals("OutOfMemory")) {
                        throw error(c.pos(), "expect takes one expectation: expect(OutOfMemory)");
                    }
                    return new Ir.Expect(site);
                }
                case "spawn" -> {
                    return spawn(site, c);
                }
                default -> {
                }
            }
            return new Ir.Eval(site, expr(c, 0));
        }

        private Ir.Stmt spawn(Site site, Ast.Call c) {
            if (c.args().isEmpty() || !(c.args().getFirst() instanceof Ast.Name n)) {
                throw error(c.pos(), "spawn takes a method name and its arguments: spawn(worker, 1, list)");
            }
            MethodInfo target = methods.get(n.name());
            if (target == null || target.intrinsic() != null) {
                throw error(n.pos(), target == null ? "unknown method '" + n.name() + "' in spawn"
                        : "spawn cannot start intrinsic '" + n.name() + "'");
            }
            List<Ast.Expr> args = c.args().subList(1, c.args().size());
            arity(target, args.size(), c.pos());
            List<Ir.Expr> ops = operands(args, 0, (i, x) -> convert(x, target.params().get(i).type(),
                    "argument " + (i + 1) + " of spawn(" + target.name() + ", ...)"), true);
            return new Ir.Spawn(site, target, ops);
        }

        private List<Ir.Expr> textParts(List<Ast.Expr> parts) {
            List<Ir.Expr> out = new ArrayList<>();
            for (Ast.Expr p : parts) {
                Ir.Expr x = expr(p, 0);
                if (x.type() == Type.VOID) {
                    throw error(p.pos(), "this call returns nothing, so it cannot be printed");
                }
                out.add(x);
            }
            return out;
        }

        // ---- expressions --------------------------------------------------------------------------

        /** Checks {@code e}; temporaries it holds take indices from {@code temp} upwards. */
        Ir.Expr expr(Ast.Expr e, int temp) {
            Site site = site(e.pos());
            return switch (e) {
                case Ast.IntLit i -> new Ir.IntConst(site, (int) i.value());
                case Ast.StringLit s -> new Ir.StrConst(site, s.value());
                case Ast.BoolLit b -> new Ir.BoolConst(site, b.value());
                case Ast.NullLit n -> new Ir.NullConst(site);
                case Ast.Name n -> {
                    Resolved r = resolve(n.name(), n.pos());
                    if (r == null) {
                        throw unknownVariable(n.name(), n.pos());
                    }
                    yield r.read();
                }
                case Ast.Unary u -> {
                    Ir.Expr x = expr(u.operand(), temp);
                    if (u.op() == TokenKind.MINUS) {
                        yield new Ir.Unary(site, true, convert(x, Type.INT, "the operand of '-'"));
                    }
                    yield new Ir.Unary(site, false, condition(x, u.operand().pos()));
                }
                case Ast.Binary b -> binary(site, b, temp);
                case Ast.Call c -> call(site, c, temp);
                case Ast.Alloc a -> alloc(site, a, temp);
                case Ast.Field f -> {
                    if (f.index() != null) {
                        boolean refs = indexedKind(f);
                        List<Ir.Expr> ops = operands(List.of(f.object(), f.index()), temp, (i, x) -> i == 0
                                ? objectOperand(x, f) : convert(x, Type.INT, "the field index"), false);
                        yield new Ir.ReadIndexed(site, ops.get(0), refs, ops.get(1));
                    }
                    Ir.Expr object = expr(f.object(), temp);
                    yield new Ir.ReadNamed(site, object, namedField(object, f));
                }
                case Ast.Lambda l -> lambda(site, l);
            };
        }

        private Ir.Expr binary(Site site, Ast.Binary b, int temp) {
            TokenKind op = b.op();
            if (op == TokenKind.AND || op == TokenKind.OR) {
                return new Ir.Logic(site, op == TokenKind.AND, condition(expr(b.left(), temp), b.left().pos()),
                        condition(expr(b.right(), temp), b.right().pos()));
            }
            if (op == TokenKind.EQ || op == TokenKind.NE) {
                List<Ir.Expr> ops = operands(List.of(b.left(), b.right()), temp, (i, x) -> x, false);
                Type l = ops.get(0).type();
                Type r = ops.get(1).type();
                boolean same = l == r && (l == Type.INT || l == Type.BOOLEAN || l == Type.STRING);
                if (!same && !(l.isReference() && r.isReference())) {
                    throw error(b.pos(), "cannot compare " + article(l) + " with " + article(r) + " using '" + op.text() + "'");
                }
                return new Ir.Compare(site, op == TokenKind.EQ ? Ir.CmpOp.EQ : Ir.CmpOp.NE, ops.get(0), ops.get(1));
            }
            Ir.Expr left = expr(b.left(), temp);
            Ir.Expr right = expr(b.right(), temp);
            if (op == TokenKind.PLUS && (left.type() == Type.STRING || right.type() == Type.STRING)) {
                if (left.type() == Type.VOID || right.type() == Type.VOID) {
                    throw error(b.pos(), "a call that returns nothing cannot be part of a string");
                }
                return new Ir.Concat(site, left, right);
            }
            String what = "the operands of '" + op.text() + "'";
            left = convert(left, Type.INT, what);
            right = convert(right, Type.INT, what);
            return switch (op) {
                case PLUS -> new Ir.Arith(site, Ir.ArithOp.ADD, left, right);
                case MINUS -> new Ir.Arith(site, Ir.ArithOp.SUB, left, right);
                case STAR -> new Ir.Arith(site, Ir.ArithOp.MUL, left, right);
                case SLASH -> new Ir.Arith(site, Ir.ArithOp.DIV, left, right);
                case PERCENT -> new Ir.Arith(site, Ir.ArithOp.REM, left, right);
                case LT -> new Ir.Compare(site, Ir.CmpOp.LT, left, right);
                case LE -> new Ir.Compare(site, Ir.CmpOp.LE, left, right);
                case GT -> new Ir.Compare(site, Ir.CmpOp.GT, left, right);
                case GE -> new Ir.Compare(site, Ir.CmpOp.GE, left, right);
                default -> throw error(b.pos(), "unknown operator " + op.text());
            };
        }

        private Ir.Expr call(Site site, Ast.Call c, int temp) {
            Resolved fn = resolve(c.name(), c.pos());
            if (fn != null) {
                if (!(fn.read().type() instanceof Type.Fn type)) {
                    throw error(c.pos(), "'" + c.name() + "' is a variable of type " + fn.read().type()
                            + ", not a function");
                }
                if (type.params().size() != c.args().size()) {
                    throw error(c.pos(), "function '" + c.name() + "' takes " + count(type.params().size())
                            + ", not " + c.args().size());
                }
                List<Ast.Expr> asts = new ArrayList<>();
                asts.add(new Ast.Name(c.pos(), c.name()));
                asts.addAll(c.args());
                List<Ir.Expr> ops = operands(asts, temp, (i, x) -> i == 0 ? x
                        : convert(x, type.params().get(i - 1), "argument " + i + " of '" + c.name() + "'"), false);
                return new Ir.CallClosure(site, ops.getFirst(), type, ops.subList(1, ops.size()));
            }
            MethodInfo target = methods.get(c.name());
            if (target != null) {
                arity(target, c.args().size(), c.pos());
                List<Ir.Expr> ops = operands(c.args(), temp, (i, x) -> convert(x, target.params().get(i).type(),
                        "argument " + (i + 1) + " of '" + c.name() + "'"), false);
                return target.intrinsic() != null ? new Ir.CallIntrinsic(site, target, ops)
                        : new Ir.Call(site, target, ops);
            }
            return builtin(site, c, temp);
        }

        private Ir.Expr builtin(Site site, Ast.Call c, int temp) {
            String name = c.name();
            if (STATEMENTS.contains(name)) {
                throw error(c.pos(), name + " is a statement; it has no value");
            }
            List<Ast.Expr> args = c.args();
            return switch (name) {
                case "gc" -> builtinOf(site, Ir.BuiltinOp.GC, args, temp, Type.VOID);
                case "weakRef" -> builtinOf(site, Ir.BuiltinOp.WEAK_REF, args, temp, Type.WEAKREF, Type.OBJECT);
                case "softRef" -> builtinOf(site, Ir.BuiltinOp.SOFT_REF, args, temp, Type.SOFTREF, Type.OBJECT);
                case "phantomRef" -> builtinOf(site, Ir.BuiltinOp.PHANTOM_REF, args, temp, Type.PHANTOMREF, Type.OBJECT);
                case "getWeakReferent" -> builtinOf(site, Ir.BuiltinOp.GET_REFERENT, args, temp, Type.OBJECT, Type.WEAKREF);
                case "getSoftReferent" -> builtinOf(site, Ir.BuiltinOp.GET_REFERENT, args, temp, Type.OBJECT, Type.SOFTREF);
                case "getPhantomReferent" -> builtinOf(site, Ir.BuiltinOp.GET_REFERENT, args, temp, Type.OBJECT,
                        Type.PHANTOMREF);
                case "gcCount" -> builtinOf(site, Ir.BuiltinOp.GC_COUNT, args, temp, Type.INT);
                case "threadId", "tid" -> builtinOf(site, Ir.BuiltinOp.THREAD_ID, args, temp, Type.INT);
                case "hash" -> {
                    usesHash = true;
                    yield builtinOf(site, Ir.BuiltinOp.HASH, args, temp, Type.INT, Type.OBJECT);
                }
                case "setRandomSeed", "setSeed" -> builtinOf(site, Ir.BuiltinOp.SET_SEED, args, temp, Type.VOID,
                        Type.INT);
                case "random" -> builtinOf(site, Ir.BuiltinOp.RANDOM, args, temp, Type.INT, Type.INT, Type.INT);
                case "barrierWait" -> builtinOf(site, Ir.BuiltinOp.BARRIER_WAIT, args, temp, Type.INT, Type.STRING,
                        Type.INT);
                case "box" -> builtinOf(site, Ir.BuiltinOp.BOX, args, temp, Type.BOX, Type.INT);
                case "boxDouble" -> builtinOf(site, Ir.BuiltinOp.BOX_DOUBLE, args, temp, Type.BOX, Type.INT, Type.INT);
                case "unbox" -> builtinOf(site, Ir.BuiltinOp.UNBOX, args, temp, Type.INT, Type.OBJECT);
                case "heapDump" -> builtinOf(site, Ir.BuiltinOp.HEAP_DUMP, args, temp, Type.VOID);
                case "setOption" -> builtinOf(site, Ir.BuiltinOp.SET_OPTION, args, temp, Type.VOID, Type.STRING);
                case "describe" -> {
                    List<Ir.Expr> ops = operands(args, temp, (i, x) -> {
                        if (x.type() == Type.VOID) {
                            throw error(args.get(i).pos(), "this call returns nothing, so it cannot be described");
                        }
                        return x;
                    }, false);
                    yield new Ir.Builtin(site, Ir.BuiltinOp.DESCRIBE, ops, Type.STRING);
                }
                default -> throw error(c.pos(), "unknown method '" + name + "'" + hint(name));
            };
        }

        private Ir.Expr builtinOf(Site site, Ir.BuiltinOp op, List<Ast.Expr> args, int temp, Type result,
                                  Type... params) {
            String name = builtinName(op);
            if (args.size() != params.length) {
                throw error(site.pos(), name + " takes " + count(params.length) + ", not " + args.size());
            }
            List<Ir.Expr> ops = operands(args, temp, (i, x) -> params[i] == Type.OBJECT
                    ? reference(x, "the argument of " + name) : convert(x, params[i], "argument " + (i + 1) + " of " + name),
                    false);
            return new Ir.Builtin(site, op, ops, result);
        }

        private static String builtinName(Ir.BuiltinOp op) {
            return switch (op) {
                case GC -> "gc";
                case GC_COUNT -> "gcCount";
                case THREAD_ID -> "threadId";
                case HASH -> "hash";
                case SET_SEED -> "setRandomSeed";
                case RANDOM -> "random";
                case BARRIER_WAIT -> "barrierWait";
                case BOX -> "box";
                case BOX_DOUBLE -> "boxDouble";
                case UNBOX -> "unbox";
                case DESCRIBE -> "describe";
                case WEAK_REF -> "weakRef";
                case SOFT_REF -> "softRef";
                case PHANTOM_REF -> "phantomRef";
                case GET_REFERENT -> "the referent getter";
                case HEAP_DUMP -> "heapDump";
                case SET_OPTION -> "setOption";
            };
        }

        private Ir.Expr alloc(Site site, Ast.Alloc a, int temp) {
            List<Ast.Expr> args = a.args();
            if (args.size() == 1) {
                if (args.getFirst() instanceof Ast.Name n && types.containsKey(n.name())) {
                    return new Ir.AllocFixed(site, Layout.of(types.get(n.name())));
                }
                throw error(a.pos(), "alloc takes a declared type, alloc(List), or counts, alloc(refs, ints[, align])");
            }
            if (args.size() != 2 && args.size() != 3) {
                throw error(a.pos(), "alloc takes a declared type, alloc(List), or counts, alloc(refs, ints[, align]); "
                        + "found " + args.size() + " arguments");
            }
            Ir.Expr refs = convert(expr(args.get(0), temp), Type.INT, "the reference count of alloc");
            Ir.Expr ints = convert(expr(args.get(1), temp), Type.INT, "the int count of alloc");
            Ir.Expr align = args.size() == 3 ? expr(args.get(2), temp) : new Ir.BoolConst(site, false);
            if (align.type() != Type.BOOLEAN && align.type() != Type.INT) {
                throw error(args.get(2).pos(), "the alignment flag of alloc is a boolean, not a " + align.type());
            }
            if (refs instanceof Ir.IntConst r && ints instanceof Ir.IntConst i && Ir.isDeferrable(align)) {
                if (r.value() < 0 || i.value() < 0) {
                    throw error(a.pos(), "alloc(" + r.value() + ", " + i.value() + "): counts cannot be negative");
                }
                return new Ir.AllocFixed(site, Layout.of(r.value(), i.value()));
            }
            return new Ir.AllocDynamic(site, refs, ints, align);
        }

        private Ir.Expr lambda(Site site, Ast.Lambda l) {
            int codeId = closures.size() + 1;
            String name = method.name() + "/fn@" + l.pos();
            MethodInfo body = new MethodInfo(name, new Site(file, l.pos(), name), all.size());
            all.add(body);
            closures.add(body);
            Type result = l.result() == null ? Type.VOID : type(l.result(), true);
            body.setResult(result);
            Body inner = new Body(body, this);
            inner.env = inner.declareVar("(environment)", Type.OBJECT, true);
            List<Type> paramTypes = new ArrayList<>();
            for (Ast.Param p : l.params()) {
                Type t = type(p.type());
                paramTypes.add(t);
                inner.declare(p.pos(), p.name(), t, true);
            }
            Type.Fn fnType = new Type.Fn(paramTypes, result);
            Ir.Block block = inner.block(l.body(), true);
            body.setBody(block);
            body.setLayout(inner.maxRef, inner.maxTemps, inner.maxRaw, inner.maxString);
            body.setClosure(new MethodInfo.Closure(codeId, fnType, inner.env, inner.captured, inner.capturedTypes));
            List<Ir.Expr> captures = new ArrayList<>();
            for (String c : inner.captured) {
                captures.add(resolve(c, l.pos()).read());
            }
            return new Ir.MakeClosure(site, body, captures);
        }

        // ---- operands, conversions ----------------------------------------------------------------

        /**
         * Checks operands left to right, converting each; a reference operand that is not deferrable
         * and is followed by an operand that may reach a safepoint (or every reference operand, when
         * {@code holdAll}) is wrapped in {@link Ir.Held} with the next free temporary.
         */
        private List<Ir.Expr> operands(List<Ast.Expr> asts, int temp, Conversion convert, boolean holdAll) {
            int n = asts.size();
            boolean[] later = new boolean[n];
            for (int i = n - 2; i >= 0; i--) {
                later[i] = later[i + 1] || maySafepoint(asts.get(i + 1));
            }
            List<Ir.Expr> out = new ArrayList<>();
            int next = temp;
            for (int i = 0; i < n; i++) {
                Ir.Expr x = convert.apply(i, expr(asts.get(i), next));
                boolean hold = x.type().isReference() && (holdAll || (later[i] && !Ir.isDeferrable(x)));
                if (hold) {
                    x = new Ir.Held(x.site(), x, next++);
                    maxTemps = Math.max(maxTemps, next);
                }
                out.add(x);
            }
            return out;
        }

        /** Whether evaluating {@code e} may reach a safepoint: an allocation, a closure, a call (but not of a harmless built-in or an intrinsic). */
        private boolean maySafepoint(Ast.Expr e) {
            return switch (e) {
                case Ast.Alloc a -> true;
                case Ast.Lambda l -> true;
                case Ast.Call c -> {
                    if (lookupVisible(c.name())) {
                        yield true;
                    }
                    MethodInfo m = methods.get(c.name());
                    boolean args = c.args().stream().anyMatch(this::maySafepoint);
                    if (m != null) {
                        yield m.intrinsic() == null || args;
                    }
                    yield !NO_SAFEPOINT.contains(c.name()) || args;
                }
                case Ast.Field f -> maySafepoint(f.object()) || (f.index() != null && maySafepoint(f.index()));
                case Ast.Unary u -> maySafepoint(u.operand());
                case Ast.Binary b -> maySafepoint(b.left()) || maySafepoint(b.right());
                default -> false;
            };
        }

        private boolean lookupVisible(String name) {
            if (lookupLocal(name) != null) {
                return true;
            }
            return enclosing != null && (captured.contains(name) || enclosing.lookupVisible(name));
        }

        private Ir.Expr objectOperand(Ir.Expr x, Ast.Field f) {
            if (!x.type().isReference() || x.type() == Type.BOX || x.type() instanceof Type.Fn) {
                throw error(f.object().pos(), "'." + f.name() + "[...]' needs an object, not " + article(x.type()));
            }
            return x;
        }

        private boolean indexedKind(Ast.Field f) {
            return switch (f.name()) {
                case "object" -> true;
                case "int" -> false;
                default -> throw error(f.pos(), "indexed fields are '.object[i]' and '.int[i]', not '." + f.name()
                        + "[i]'");
            };
        }

        private TypeInfo.Field namedField(Ir.Expr object, Ast.Field f) {
            if (!(object.type() instanceof Type.User user)) {
                throw error(f.pos(), "field '" + f.name() + "' needs a value of a declared type, not " + article(object.type())
                        + (object.type() == Type.OBJECT ? " (declare the variable with its type, or use .object[i] "
                        + "and .int[i])" : ""));
            }
            TypeInfo.Field field = user.info().field(f.name());
            if (field == null) {
                throw error(f.pos(), "type '" + user.info().name() + "' has no field '" + f.name() + "'");
            }
            return field;
        }

        private Ir.Expr reference(Ir.Expr x, String what) {
            if (!x.type().isReference()) {
                throw error(x.site().pos(), what + ": expected a reference, found " + article(x.type()));
            }
            return x;
        }

        private Ir.Expr condition(Ir.Expr x, Pos pos) {
            if (x.type() == Type.BOOLEAN) {
                return x;
            }
            if (x.type() == Type.INT || x.type().isReference()) {
                return new Ir.Truth(x.site(), x);
            }
            throw error(pos, "a condition must be a boolean, an int or a reference, not " + article(x.type()));
        }

        private Ir.Expr convert(Ir.Expr x, Type target, String what) {
            Type t = x.type();
            if (t.equals(target) || (target == Type.OBJECT && t.isReference())
                    || (target.isReference() && t == Type.NULL)) {
                return x;
            }
            if (t == Type.OBJECT && (target instanceof Type.User || target == Type.BOX || target instanceof Type.Fn
                    || target instanceof Type.RefType)) {
                return new Ir.Cast(x.site(), x, target);
            }
            throw error(x.site().pos(), what + ": expected " + article(target) + ", found " + article(t));
        }

        private Ir.Expr defaultValue(Site site, Type type) {
            if (type == Type.INT) {
                return new Ir.IntConst(site, 0);
            }
            if (type == Type.BOOLEAN) {
                return new Ir.BoolConst(site, false);
            }
            if (type == Type.STRING) {
                return new Ir.StrConst(site, "");
            }
            return new Ir.NullConst(site);
        }

        private void arity(MethodInfo target, int given, Pos pos) {
            if (target.params().size() != given) {
                throw error(pos, "method '" + target.name() + "' takes " + count(target.params().size()) + ", not "
                        + given);
            }
        }

        private ScriptException unknownVariable(String name, Pos pos) {
            if (methods.containsKey(name)) {
                return error(pos, "'" + name + "' is a method; call it as " + name + "(...)");
            }
            if (types.containsKey(name)) {
                return error(pos, "'" + name + "' is a type, not a variable");
            }
            return error(pos, "unknown variable '" + name + "'");
        }

        private String hint(String name) {
            String best = null;
            int bestDistance = 3;
            List<String> names = new ArrayList<>(methods.keySet());
            names.addAll(BUILTINS);
            names.addAll(STATEMENTS);
            for (String candidate : names) {
                int d = distance(name, candidate);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = candidate;
                }
            }
            return best == null ? "" : "; did you mean '" + best + "'?";
        }
    }

    @FunctionalInterface
    private interface Conversion {
        Ir.Expr apply(int index, Ir.Expr operand);
    }

    private static String count(int n) {
        return n == 0 ? "no arguments" : n == 1 ? "1 argument" : n + " arguments";
    }

    private static String article(Type t) {
        String s = t.toString();
        return t == Type.NULL ? "null" : ("aeiou".indexOf(s.charAt(0)) >= 0 ? "an " : "a ") + s;
    }

    /** Levenshtein distance, for "did you mean" hints. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
