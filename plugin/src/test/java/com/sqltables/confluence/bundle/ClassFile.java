package com.sqltables.confluence.bundle;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the bundle checks need to know about one class file, read straight from its bytes.
 *
 * <p>"Referenced types" are the types the JVM may have to load to link and run the class: every
 * {@code CONSTANT_Class}, the descriptors of fields, methods, member references and method types, and
 * the types named by runtime-visible annotations (Spring and the Spring Scanner read those). Generic
 * signatures, debug tables and class-retention annotations are left out: the JVM never loads them,
 * and bnd does not import their packages either.
 */
final class ClassFile {

    private static final int ACC_INTERFACE = 0x0200;
    private static final int ACC_ABSTRACT = 0x0400;

    private final String name;
    private final String superName;
    private final List<String> interfaces;
    private final int access;
    private final int majorVersion;
    private final Set<String> referencedTypes;
    private final Map<String, Map<String, String>> classAnnotations;

    private ClassFile(String name, String superName, List<String> interfaces, int access, int majorVersion,
            Set<String> referencedTypes, Map<String, Map<String, String>> classAnnotations) {
        this.name = name;
        this.superName = superName;
        this.interfaces = Collections.unmodifiableList(interfaces);
        this.access = access;
        this.majorVersion = majorVersion;
        this.referencedTypes = Collections.unmodifiableSet(referencedTypes);
        this.classAnnotations = Collections.unmodifiableMap(classAnnotations);
    }

    /** Internal name, e.g. {@code com/sqltables/confluence/Foo}. */
    String name() {
        return name;
    }

    String className() {
        return name.replace('/', '.');
    }

    /** Internal name of the superclass; null only for {@code java/lang/Object}. */
    String superName() {
        return superName;
    }

    List<String> interfaces() {
        return interfaces;
    }

    boolean isInterface() {
        return (access & ACC_INTERFACE) != 0;
    }

    boolean isAbstract() {
        return (access & ACC_ABSTRACT) != 0;
    }

    /** 55 is Java 11, 61 is Java 17. */
    int majorVersion() {
        return majorVersion;
    }

    /** Internal names of every type this class needs at link or run time (its own name excluded). */
    Set<String> referencedTypes() {
        return referencedTypes;
    }

    /** Internal names of the runtime-visible annotations on the class itself. */
    Set<String> classAnnotations() {
        return classAnnotations.keySet();
    }

    /** A String element of a runtime-visible annotation on the class, e.g. {@code @Table("X")}'s value; null if absent. */
    String classAnnotationString(String annotation, String element) {
        Map<String, String> values = classAnnotations.get(annotation);
        return values == null ? null : values.get(element);
    }

    static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.');
    }

    static ClassFile parse(byte[] bytes) throws IOException {
        return new Reader(bytes).read();
    }

    /** A one-shot reader of the class file format (JVMS chapter 4). */
    private static final class Reader {
        private static final int UTF8 = 1;
        private static final int INTEGER = 3;
        private static final int FLOAT = 4;
        private static final int LONG = 5;
        private static final int DOUBLE = 6;
        private static final int CLASS = 7;
        private static final int STRING = 8;
        private static final int FIELD_REF = 9;
        private static final int METHOD_REF = 10;
        private static final int INTERFACE_METHOD_REF = 11;
        private static final int NAME_AND_TYPE = 12;
        private static final int METHOD_HANDLE = 15;
        private static final int METHOD_TYPE = 16;
        private static final int DYNAMIC = 17;
        private static final int INVOKE_DYNAMIC = 18;
        private static final int MODULE = 19;
        private static final int PACKAGE = 20;

        private final DataInputStream in;
        private String[] utf8;
        private int[] tags;
        private int[] firstIndex;
        private int[] secondIndex;
        private final Set<String> referenced = new LinkedHashSet<>();
        private final Map<String, Map<String, String>> classAnnotations = new LinkedHashMap<>();

        Reader(byte[] bytes) {
            this.in = new DataInputStream(new ByteArrayInputStream(bytes));
        }

        ClassFile read() throws IOException {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file (bad magic number)");
            }
            in.readUnsignedShort();
            int major = in.readUnsignedShort();
            readConstantPool();
            int access = in.readUnsignedShort();
            String name = className(in.readUnsignedShort());
            int superIndex = in.readUnsignedShort();
            String superName = superIndex == 0 ? null : className(superIndex);
            int interfaceCount = in.readUnsignedShort();
            List<String> interfaces = new ArrayList<>(interfaceCount);
            for (int i = 0; i < interfaceCount; i++) {
                interfaces.add(className(in.readUnsignedShort()));
            }
            readMembers();
            readMembers();
            readAttributes(classAnnotations);
            referenced.remove(name);
            return new ClassFile(name, superName, interfaces, access, major, referenced, classAnnotations);
        }

        private void readConstantPool() throws IOException {
            int count = in.readUnsignedShort();
            utf8 = new String[count];
            tags = new int[count];
            firstIndex = new int[count];
            secondIndex = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                tags[i] = tag;
                switch (tag) {
                    case UTF8:
                        utf8[i] = in.readUTF();
                        break;
                    case INTEGER:
                    case FLOAT:
                        in.readInt();
                        break;
                    case LONG:
                    case DOUBLE:
                        in.readLong();
                        i++; // eight-byte constants take two slots (JVMS 4.4.5)
                        break;
                    case CLASS:
                    case STRING:
                    case METHOD_TYPE:
                    case MODULE:
                    case PACKAGE:
                        firstIndex[i] = in.readUnsignedShort();
                        break;
                    case FIELD_REF:
                    case METHOD_REF:
                    case INTERFACE_METHOD_REF:
                    case NAME_AND_TYPE:
                    case DYNAMIC:
                    case INVOKE_DYNAMIC:
                        firstIndex[i] = in.readUnsignedShort();
                        secondIndex[i] = in.readUnsignedShort();
                        break;
                    case METHOD_HANDLE:
                        in.readUnsignedByte();
                        firstIndex[i] = in.readUnsignedShort();
                        break;
                    default:
                        throw new IOException("unknown constant pool tag " + tag + " at index " + i);
                }
            }
            for (int i = 1; i < count; i++) {
                if (tags[i] == CLASS) {
                    addClassName(utf8[firstIndex[i]]);
                } else if (tags[i] == NAME_AND_TYPE) {
                    addDescriptor(utf8[secondIndex[i]]);
                } else if (tags[i] == METHOD_TYPE) {
                    addDescriptor(utf8[firstIndex[i]]);
                }
            }
        }

        private String className(int classIndex) throws IOException {
            if (tags[classIndex] != CLASS) {
                throw new IOException("constant " + classIndex + " is not a class");
            }
            return utf8[firstIndex[classIndex]];
        }

        private void readMembers() throws IOException {
            int count = in.readUnsignedShort();
            for (int i = 0; i < count; i++) {
                in.readUnsignedShort();
                in.readUnsignedShort();
                addDescriptor(utf8[in.readUnsignedShort()]);
                readAttributes(null);
            }
        }

        /** Reads an attribute table; annotations on the class itself also go to {@code classLevel}. */
        private void readAttributes(Map<String, Map<String, String>> classLevel) throws IOException {
            int count = in.readUnsignedShort();
            for (int i = 0; i < count; i++) {
                String attribute = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                switch (attribute) {
                    case "RuntimeVisibleAnnotations":
                        readAnnotations(classLevel);
                        break;
                    case "RuntimeVisibleParameterAnnotations":
                        int parameters = in.readUnsignedByte();
                        for (int p = 0; p < parameters; p++) {
                            readAnnotations(null);
                        }
                        break;
                    case "AnnotationDefault":
                        readElementValue();
                        break;
                    default:
                        in.skipNBytes(length);
                }
            }
        }

        private void readAnnotations(Map<String, Map<String, String>> classLevel) throws IOException {
            int count = in.readUnsignedShort();
            for (int i = 0; i < count; i++) {
                Map<String, String> strings = new LinkedHashMap<>();
                String type = readAnnotation(strings);
                if (classLevel != null && type != null) {
                    classLevel.put(type, strings);
                }
            }
        }

        /** Returns the internal name of the annotation type; its String elements go to {@code strings}. */
        private String readAnnotation(Map<String, String> strings) throws IOException {
            String descriptor = utf8[in.readUnsignedShort()];
            addDescriptor(descriptor);
            int pairs = in.readUnsignedShort();
            for (int i = 0; i < pairs; i++) {
                String element = utf8[in.readUnsignedShort()];
                String value = readElementValue();
                if (value != null) {
                    strings.put(element, value);
                }
            }
            return descriptor.startsWith("L") && descriptor.endsWith(";")
                    ? descriptor.substring(1, descriptor.length() - 1) : null;
        }

        /** Reads one element value; returns it if it is a String constant, else null. */
        private String readElementValue() throws IOException {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 'e':
                    addDescriptor(utf8[in.readUnsignedShort()]);
                    in.readUnsignedShort();
                    return null;
                case 'c':
                    addDescriptor(utf8[in.readUnsignedShort()]);
                    return null;
                case '@':
                    readAnnotation(new LinkedHashMap<>());
                    return null;
                case '[':
                    int values = in.readUnsignedShort();
                    for (int i = 0; i < values; i++) {
                        readElementValue();
                    }
                    return null;
                case 's':
                    return utf8[in.readUnsignedShort()];
                default:
                    in.readUnsignedShort(); // another constant: B C D F I J S Z
                    return null;
            }
        }

        private void addClassName(String name) {
            if (name.startsWith("[")) {
                addDescriptor(name);
            } else {
                referenced.add(name);
            }
        }

        /** Adds every {@code Lsome/Type;} in a field, method or array descriptor. */
        private void addDescriptor(String descriptor) {
            int start = descriptor.indexOf('L');
            while (start >= 0) {
                int end = descriptor.indexOf(';', start);
                if (end < 0) {
                    return;
                }
                referenced.add(descriptor.substring(start + 1, end));
                start = descriptor.indexOf('L', end);
            }
        }
    }
}
