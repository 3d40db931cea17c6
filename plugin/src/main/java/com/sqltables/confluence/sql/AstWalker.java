package com.sqltables.confluence.sql;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Visits every node of a JSqlParser tree, breadth first, by reading the nodes' fields. JSqlParser's
 * own visitors skip some places (clauses added in later versions, dialect extras); a write hidden in
 * such a place must still be found, so this walker does not depend on them.
 */
final class AstWalker {
    private static final String JSQLPARSER = "net.sf.jsqlparser.";
    /** The parser's own token and tree classes: large, and never part of the statement. */
    private static final String PARSER_PACKAGE = "net.sf.jsqlparser.parser.";
    private static final int MAX_NODES = 200_000;

    private static final ClassValue<List<Field>> NODE_FIELDS = new ClassValue<List<Field>>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)
                            && mayHoldNodes(field.getType())) {
                        field.setAccessible(true);
                        fields.add(field);
                    }
                }
            }
            return Collections.unmodifiableList(fields);
        }
    };

    private AstWalker() {
    }

    /**
     * @param <P> the type of a problem
     * @param root a parsed statement
     * @param check returns a problem for a node, or empty
     * @return the first problem found, nearest the root first
     * @throws IllegalStateException if the tree cannot be read (the caller must then refuse the SQL)
     */
    static <P> Optional<P> find(Object root, Function<Object, Optional<P>> check) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty()) {
            Object node = queue.removeFirst();
            if (!seen.add(node)) {
                continue;
            }
            if (seen.size() > MAX_NODES) {
                throw new IllegalStateException("statement too large to inspect");
            }
            if (isNode(node)) {
                Optional<P> problem = check.apply(node);
                if (problem.isPresent()) {
                    return problem;
                }
                for (Field field : NODE_FIELDS.get(node.getClass())) {
                    enqueue(queue, read(field, node));
                }
            } else {
                enqueue(queue, node);
            }
        }
        return Optional.empty();
    }

    private static void enqueue(Deque<Object> queue, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection) {
            for (Object element : (Collection<?>) value) {
                addIfRelevant(queue, element);
            }
        } else if (value instanceof Map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                addIfRelevant(queue, entry.getKey());
                addIfRelevant(queue, entry.getValue());
            }
        } else if (value instanceof Object[]) {
            for (Object element : (Object[]) value) {
                addIfRelevant(queue, element);
            }
        } else {
            addIfRelevant(queue, value);
        }
    }

    private static void addIfRelevant(Deque<Object> queue, Object value) {
        if (value != null && (isNode(value) || value instanceof Collection || value instanceof Map
                || value instanceof Object[])) {
            queue.addLast(value);
        }
    }

    private static boolean isNode(Object value) {
        String name = value.getClass().getName();
        return name.startsWith(JSQLPARSER) && !name.startsWith(PARSER_PACKAGE) && !value.getClass().isEnum();
    }

    private static boolean mayHoldNodes(Class<?> type) {
        return !type.isPrimitive() && !type.isEnum() && type != String.class && !Number.class.isAssignableFrom(type)
                && type != Boolean.class && type != Character.class && !type.getName().startsWith(PARSER_PACKAGE);
    }

    private static Object read(Field field, Object node) {
        try {
            return field.get(node);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }
}
