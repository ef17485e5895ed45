package org.blended.service.ruleset.build;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Which rule each generated class or lambda belongs to. The executable model builds every rule in a
 * method that calls {@code D.rule(package, name)} and names the classes of its constraints and
 * consequence; reading those methods ties a refused class back to the rule a person wrote.
 */
final class CompiledRuleNames {

    private static final String RULE_BUILDER = "org/drools/modelcompiler/dsl/pattern/D";

    private final Map<String, String> ruleOfClass = new HashMap<>();
    private final Map<String, String> ruleOfMethod = new HashMap<>();

    static CompiledRuleNames of(Map<String, byte[]> classFiles) {
        CompiledRuleNames names = new CompiledRuleNames();
        classFiles.values().forEach(names::read);
        return names;
    }

    private void read(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        String className = reader.getClassName();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    private final List<String> strings = new ArrayList<>();
                    private final List<String> classes = new ArrayList<>();
                    private final List<String> methods = new ArrayList<>();
                    private String rule;

                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof String text) {
                            strings.add(text);
                        }
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                        classes.add(owner);
                    }

                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        classes.add(type);
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor, boolean itf) {
                        if (owner.equals(RULE_BUILDER) && method.equals("rule") && !strings.isEmpty() && rule == null) {
                            rule = strings.get(strings.size() - 1);
                        }
                        classes.add(owner);
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String indy, String indyDescriptor, Handle bootstrap, Object... arguments) {
                        for (Object argument : arguments) {
                            if (argument instanceof Handle handle) {
                                methods.add(handle.getOwner() + "." + handle.getName());
                                classes.add(handle.getOwner());
                            }
                        }
                    }

                    @Override
                    public void visitEnd() {
                        if (rule != null) {
                            classes.stream().filter(c -> !c.equals(className)).forEach(c -> ruleOfClass.putIfAbsent(c, rule));
                            methods.forEach(m -> ruleOfMethod.putIfAbsent(m, rule));
                            ruleOfMethod.putIfAbsent(className + "." + name, rule);
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }

    /** The rule that code in this class and method belongs to, or null when it belongs to none. */
    String ruleOf(String className, String method) {
        String byMethod = ruleOfMethod.get(className + "." + method);
        return byMethod != null ? byMethod : ruleOfClass.get(className);
    }
}
