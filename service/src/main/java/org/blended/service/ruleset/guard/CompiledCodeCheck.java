package org.blended.service.ruleset.guard;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads the classes a rule set compiled to, before any of them is loaded, and refuses what rule
 * code may not do. Every class, method and field they reference must be their own, the fact
 * model's, or on {@link CodeAllowList}; so reflection, files, processes, threads and class
 * loading cannot be reached, however the source was written. And every evaluation must end: no
 * method may jump backwards (no loops), call itself directly or through others (no recursion),
 * block on a monitor, or make an array of a size not fixed in the code.
 */
public final class CompiledCodeCheck {

    /** Something refused, in the class and method it was found in. */
    public record Offence(String className, String method, String message) {
    }

    private static final String FACT_LOADER_HINT = "org/blended/rules/";
    private static final Set<String> BOOTSTRAPS = Set.of(
            "java/lang/invoke/LambdaMetafactory.metafactory", "java/lang/invoke/LambdaMetafactory.altMetafactory",
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants", "java/lang/invoke/StringConcatFactory.makeConcat");

    private final Map<String, ClassShape> classes = new HashMap<>();
    private final ClassLoader factModel;
    private final Set<Offence> offences = new LinkedHashSet<>();
    private final Map<String, Set<String>> calls = new HashMap<>();

    private CompiledCodeCheck(ClassLoader factModel) {
        this.factModel = factModel;
    }

    /** The offences of a compiled rule set's classes, by internal name; none means they may be loaded. */
    public static List<Offence> check(Map<String, byte[]> classFiles, ClassLoader factModel) {
        CompiledCodeCheck check = new CompiledCodeCheck(factModel);
        classFiles.forEach((name, bytes) -> {
            ClassShape shape = ClassShape.read(bytes);
            check.classes.put(shape.name, shape);
        });
        for (ClassShape shape : check.classes.values()) {
            check.checkClass(shape);
        }
        check.checkRecursion();
        return List.copyOf(check.offences);
    }

    private void checkClass(ClassShape shape) {
        if (!shape.name.startsWith(FACT_LOADER_HINT) && !shape.name.startsWith("org/drools/project/model/")) {
            refuse(shape.name, null, "is in the package " + dotted(packageOf(shape.name))
                    + "; rule sets must use packages under org.blended.rules");
        }
        if (shape.superName != null && !typeAllowed(shape.superName)) {
            refuse(shape.name, null, "extends " + dotted(shape.superName) + ", which rule code may not use");
        }
        for (String itf : shape.interfaces) {
            if (!typeAllowed(itf)) {
                refuse(shape.name, null, "implements " + dotted(itf) + ", which rule code may not use");
            }
        }
        new ClassReader(shape.bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                if ((access & Opcodes.ACC_NATIVE) != 0) {
                    refuse(shape.name, name, "declares a native method");
                }
                if ((access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                    refuse(shape.name, name, "synchronizes on a lock, which could block an evaluation");
                }
                return new Instructions(shape.name, name, descriptor);
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }

    /** Checks one method's instructions as they are read, in order. */
    private final class Instructions extends MethodVisitor {
        private final String owner;
        private final String method;
        private final String self;
        private final Map<Label, Integer> seen = new HashMap<>();
        private final List<Label[]> handlers = new ArrayList<>();
        private Object lastConstant;
        /** The size on the stack is another array's length: a copy, as generated enums' values() make. */
        private boolean sizeOfAnArray;

        Instructions(String owner, String method, String descriptor) {
            super(Opcodes.ASM9);
            this.owner = owner;
            this.method = method;
            this.self = owner + "." + method + descriptor;
        }

        @Override
        public void visitLabel(Label label) {
            seen.put(label, seen.size());
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            handlers.add(new Label[] {end, handler});
            if (type != null && !typeAllowed(type)) {
                refuse(owner, method, "catches " + dotted(type) + ", which rule code may not use");
            }
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            backwards(label);
            step(opcode, null);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            backwards(dflt);
            for (Label label : labels) {
                backwards(label);
            }
            step(Opcodes.TABLESWITCH, null);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            backwards(dflt);
            for (Label label : labels) {
                backwards(label);
            }
            step(Opcodes.LOOKUPSWITCH, null);
        }

        private void backwards(Label target) {
            if (seen.containsKey(target)) {
                refuse(owner, method, "loops (it jumps back to run code again); rule code may not loop, so that "
                        + "every evaluation ends");
            }
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.MONITORENTER) {
                refuse(owner, method, "synchronizes on a lock, which could block an evaluation");
            }
            step(opcode, switch (opcode) {
                case Opcodes.ICONST_M1, Opcodes.ICONST_0, Opcodes.ICONST_1, Opcodes.ICONST_2, Opcodes.ICONST_3,
                     Opcodes.ICONST_4, Opcodes.ICONST_5 -> opcode - Opcodes.ICONST_0;
                default -> null;
            });
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            if (opcode == Opcodes.NEWARRAY) {
                fixedSize();
            }
            step(opcode, opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH ? operand : null);
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            step(opcode, null);
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            step(Opcodes.IINC, null);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.ANEWARRAY) {
                fixedSize();
            }
            if (!typeAllowed(type)) {
                refuse(owner, method, "uses " + dotted(elementType(type)) + ", which rule code may not use");
            }
            step(opcode, null);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            refuse(owner, method, "makes a multi-dimensional array");
            step(Opcodes.MULTIANEWARRAY, null);
        }

        private void fixedSize() {
            if (!sizeOfAnArray && (!(lastConstant instanceof Integer size) || size > 1024)) {
                refuse(owner, method, "makes an array whose size is not a small number fixed in the code");
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
            if (opcode == Opcodes.PUTSTATIC && !method.equals("<clinit>")) {
                refuse(owner, method, "changes the static field " + dotted(fieldOwner) + "." + name
                        + "; rule code may not keep state between evaluations");
            }
            if (!fieldAllowed(fieldOwner, name)) {
                refuse(owner, method, "uses " + dotted(fieldOwner) + "." + name + ", which rule code may not use");
            }
            step(opcode, null);
        }

        @Override
        public void visitMethodInsn(int opcode, String methodOwner, String name, String descriptor, boolean isInterface) {
            reference(methodOwner, name, descriptor, "calls");
            step(opcode, null);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            if (!BOOTSTRAPS.contains(bootstrap.getOwner() + "." + bootstrap.getName())) {
                refuse(owner, method, "links a call through " + dotted(bootstrap.getOwner()) + "." + bootstrap.getName()
                        + ", which rule code may not use");
            }
            for (Object argument : arguments) {
                if (argument instanceof Handle handle) {
                    reference(handle.getOwner(), handle.getName(), handle.getDesc(), "refers to");
                } else if (argument instanceof ConstantDynamic) {
                    refuse(owner, method, "uses a dynamic constant");
                }
            }
            step(Opcodes.INVOKEDYNAMIC, null);
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (value instanceof Type type && type.getSort() == Type.OBJECT && !typeAllowed(type.getInternalName())) {
                refuse(owner, method, "uses " + dotted(type.getInternalName()) + ", which rule code may not use");
            } else if (value instanceof Type type && type.getSort() == Type.ARRAY
                    && type.getElementType().getSort() == Type.OBJECT && !typeAllowed(type.getElementType().getInternalName())) {
                refuse(owner, method, "uses " + dotted(type.getElementType().getInternalName()) + ", which rule code may not use");
            } else if (value instanceof Handle || value instanceof ConstantDynamic) {
                refuse(owner, method, "loads a method handle or dynamic constant");
            }
            step(Opcodes.LDC, value instanceof Integer i ? i : null);
        }

        private void reference(String referenced, String name, String descriptor, String verb) {
            String resolved = resolveInModule(referenced, name, descriptor);
            if (resolved != null) {
                calls.computeIfAbsent(self, k -> new HashSet<>()).add(resolved + "." + name + descriptor);
            } else if (!methodAllowed(referenced, name, descriptor)) {
                refuse(owner, method, verb + " " + dotted(elementType(referenced)) + "." + name
                        + ", which rule code may not use");
            }
        }

        private void step(int opcode, Object constant) {
            sizeOfAnArray = opcode == Opcodes.ARRAYLENGTH
                    || sizeOfAnArray && (opcode == Opcodes.DUP || opcode == Opcodes.ISTORE);
            lastConstant = constant;
        }

        @Override
        public void visitEnd() {
            for (Label[] handler : handlers) {
                Integer end = seen.get(handler[0]);
                Integer at = seen.get(handler[1]);
                if (end == null || at == null || at < end) {
                    refuse(owner, method, "handles an exception inside the code it guards, which can loop");
                }
            }
        }
    }

    /** The rule-set class that declares a member, looking up its superclasses; null when it is declared outside. */
    private String resolveInModule(String owner, String name, String descriptor) {
        for (ClassShape shape = classes.get(owner); shape != null; shape = classes.get(shape.superName)) {
            if (shape.methods.contains(name + descriptor)) {
                return shape.name;
            }
            if (classes.get(shape.superName) == null) {
                return null;
            }
        }
        return null;
    }

    private boolean typeAllowed(String type) {
        String element = elementType(type);
        if (element.length() == 1 || classes.containsKey(element) || isFactModel(element)) {
            return true; // a primitive array, or the rule set's own or the fact model's class
        }
        return CodeAllowList.allowsType(element);
    }

    private boolean methodAllowed(String owner, String name, String descriptor) {
        if (owner.startsWith("[")) {
            return name.equals("clone"); // enum values() copies its array
        }
        String declaring = owner;
        if (classes.containsKey(owner)) {
            // declared outside the rule set: the first superclass outside it
            ClassShape shape = classes.get(owner);
            while (classes.containsKey(shape.superName)) {
                shape = classes.get(shape.superName);
            }
            declaring = shape.superName;
        }
        if (isFactModel(declaring)) {
            declaring = declaringOutsideFactModel(declaring, name, descriptor);
            if (declaring == null) {
                return true; // the fact model's own member
            }
        }
        return declaring != null && CodeAllowList.allowsMember(declaring, name);
    }

    private boolean fieldAllowed(String owner, String name) {
        if (classes.containsKey(owner)) {
            return true; // the rule set's own generated fields (lambda singletons, metadata)
        }
        if (isFactModel(owner)) {
            try {
                for (Class<?> type = load(owner); type != null; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        if (field.getName().equals(name)) {
                            return isFactModel(internal(type)) || CodeAllowList.allowsMember(internal(type), name);
                        }
                    }
                }
            } catch (ClassNotFoundException e) {
                return false;
            }
            return false;
        }
        return CodeAllowList.allowsMember(owner, name);
    }

    /**
     * Where a member named through a fact-model class is really declared: null when the fact model
     * declares it, otherwise the class outside it (an enum's name(), Object's toString()), whose
     * member the allow-list must name. getClass() named through a fact class is Object's, and refused.
     */
    private String declaringOutsideFactModel(String owner, String name, String descriptor) {
        try {
            Class<?> type = load(owner);
            if (name.equals("<init>")) {
                for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                    if (Type.getConstructorDescriptor(constructor).equals(descriptor)) {
                        return null;
                    }
                }
                return "?";
            }
            Deque<Class<?>> toSearch = new ArrayDeque<>(List.of(type));
            while (!toSearch.isEmpty()) {
                Class<?> candidate = toSearch.poll();
                for (Method declared : candidate.getDeclaredMethods()) {
                    if (declared.getName().equals(name) && Type.getMethodDescriptor(declared).equals(descriptor)) {
                        return isFactModel(internal(candidate)) ? null : internal(candidate);
                    }
                }
                if (candidate.getSuperclass() != null) {
                    toSearch.add(candidate.getSuperclass());
                }
                toSearch.addAll(List.of(candidate.getInterfaces()));
            }
            return "?";
        } catch (ClassNotFoundException e) {
            return "?";
        }
    }

    private Class<?> load(String internalName) throws ClassNotFoundException {
        // initialise nothing: only the fact model's declared members are read
        return Class.forName(internalName.replace('/', '.'), false, factModel);
    }

    public static boolean isFactModel(String internalName) {
        int slash = internalName.lastIndexOf('/');
        if (slash < 0) {
            return false;
        }
        Set<String> names = FactModel.CLASSES.get(internalName.substring(0, slash).replace('/', '.'));
        String simple = internalName.substring(slash + 1);
        int nested = simple.indexOf('$');
        return names != null && names.contains(nested < 0 ? simple : simple.substring(0, nested));
    }

    /** Refuses a method that can reach itself again through the rule set's own calls and lambdas. */
    private void checkRecursion() {
        Set<String> done = new HashSet<>();
        Set<String> onPath = new LinkedHashSet<>();
        for (String start : calls.keySet()) {
            visit(start, done, onPath);
        }
    }

    private void visit(String method, Set<String> done, Set<String> onPath) {
        if (done.contains(method)) {
            return;
        }
        if (!onPath.add(method)) {
            String owner = method.substring(0, method.indexOf('.'));
            String name = method.substring(method.indexOf('.') + 1, method.indexOf('('));
            refuse(owner, name, "calls itself (directly or through other functions); rule code may not recurse, "
                    + "so that every evaluation ends");
            return;
        }
        for (String callee : calls.getOrDefault(method, Set.of())) {
            visit(callee, done, onPath);
        }
        onPath.remove(method);
        done.add(method);
    }

    private void refuse(String className, String method, String message) {
        offences.add(new Offence(className, method, message));
    }

    private static String elementType(String type) {
        String element = type;
        while (element.startsWith("[")) {
            element = element.substring(1);
        }
        if (element.startsWith("L") && element.endsWith(";")) {
            element = element.substring(1, element.length() - 1);
        }
        return element;
    }

    private static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }

    private static String internal(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    public static String dotted(String internalName) {
        return internalName.replace('/', '.');
    }

    /** What the check needs of a class before reading its code: its place in the hierarchy and what it declares. */
    private record ClassShape(String name, String superName, List<String> interfaces, Set<String> methods, byte[] bytes) {

        static ClassShape read(byte[] bytes) {
            ClassReader reader = new ClassReader(bytes);
            Set<String> methods = new HashSet<>();
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                    methods.add(name + descriptor);
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return new ClassShape(reader.getClassName(), reader.getSuperName(), List.of(reader.getInterfaces()),
                    methods, bytes);
        }
    }
}
