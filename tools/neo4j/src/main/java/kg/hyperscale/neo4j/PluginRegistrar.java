package kg.hyperscale.neo4j;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.procedure.Procedure;
import org.neo4j.procedure.UserAggregationFunction;
import org.neo4j.procedure.UserFunction;

/**
 * Registers procedures and functions found on the classpath. Embedded Neo4j only loads plugins
 * from its plugins directory, never from the application classpath, so each plugin's classes
 * (APOC, GDS) are handed to {@link GlobalProcedures} explicitly - the same thing the
 * plugins' own test suites do. Their extension factories (e.g. ApocConfig) are found through
 * META-INF/services on the classpath, so @Context injection works as on a server.
 */
final class PluginRegistrar {
    /** Classes registered per kind, and classes that could not be loaded (missing optional deps). */
    record Counts(int procedures, int functions, int aggregations, List<String> unloadable) {
        @Override
        public String toString() {
            return procedures + " procedure, " + functions + " function, " + aggregations
                    + " aggregation classes; unloadable (optional deps absent): "
                    + (unloadable.isEmpty() ? "none" : String.join(", ", unloadable));
        }
    }

    private PluginRegistrar() {}

    static Counts register(GlobalProcedures procedures, List<String> packages) throws IOException {
        int procs = 0, funcs = 0, aggs = 0;
        List<String> unloadable = new ArrayList<>();
        for (String className : findClasses(packages)) {
            try {
                Class<?> type = Class.forName(className, false, PluginRegistrar.class.getClassLoader());
                boolean p = false, f = false, a = false;
                for (Method method : type.getDeclaredMethods()) {
                    p |= method.isAnnotationPresent(Procedure.class);
                    f |= method.isAnnotationPresent(UserFunction.class);
                    a |= method.isAnnotationPresent(UserAggregationFunction.class);
                }
                if (p) { procedures.registerProcedure(type); procs++; }
                if (f) { procedures.registerFunction(type); funcs++; }
                if (a) { procedures.registerAggregationFunction(type); aggs++; }
            } catch (Exception | LinkageError e) {
                // One broken class (e.g. an optional dependency missing) must not take the DB down.
                // (APOC: Arrow, AWS S3 and Google Cloud Storage support are optional extras.)
                unloadable.add(className.substring(className.lastIndexOf('.') + 1));
            }
        }
        return new Counts(procs, funcs, aggs, unloadable);
    }

    /** Class names under the given packages, from every jar/directory on the classpath. */
    private static TreeSet<String> findClasses(List<String> packages) throws IOException {
        List<String> prefixes = new ArrayList<>();
        for (String pkg : packages) prefixes.add(pkg.replace('.', '/') + "/");
        TreeSet<String> names = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File file = new File(entry);
            if (file.isFile() && entry.endsWith(".jar")) {
                try (JarFile jar = new JarFile(file)) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        addIfMatches(e.nextElement().getName(), prefixes, names);
                    }
                }
            }
        }
        return names;
    }

    private static void addIfMatches(String path, List<String> prefixes, TreeSet<String> names) {
        // Nested classes are included: a static nested class may declare procedures too.
        if (!path.endsWith(".class") || path.endsWith("module-info.class")) return;
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)) {
                names.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
                return;
            }
        }
    }
}
