package io.github.insignia.openbadges.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No two public top-level types of the library modules share a simple name: a host that imports
 * {@code issuing.AwardEvidence} and {@code model.ob3.Evidence} in one file should never need a
 * fully qualified name. Within one module a shared name is a deliberate choice (the model's OB 2.0
 * and OB 3.0 {@code Profile}); across modules it is an accident.
 */
class PublicTypeNamesTest {
  /** The module a class was loaded from: {@code openbadges-x/target/classes} or {@code openbadges-x-1.2.jar}. */
  private static final Pattern MODULE = Pattern.compile(".*/(openbadges-[a-z]+(?:-[a-z]+)*)(?:/target/|-\\d[^/]*\\.jar)");

  @Test
  void noSimpleNameIsSharedAcrossLibraryModules() {
    Map<String, Map<String, Set<String>>> byName = new TreeMap<>(); // simple name -> module -> full names
    Set<String> modules = new TreeSet<>();
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.insignia.openbadges")) {
      if (!c.isTopLevelClass() || !c.getModifiers().contains(JavaModifier.PUBLIC)
          || c.getPackageName().contains(".internal") || c.getSimpleName().equals("package-info")) {
        continue;
      }
      String module = moduleOf(c);
      if (module.equals("openbadges-cli") || module.equals("openbadges-benchmarks")
          || module.equals("openbadges-test-vectors")) {
        continue; // applications and test material, not libraries a host imports
      }
      modules.add(module);
      byName.computeIfAbsent(c.getSimpleName(), k -> new TreeMap<>())
          .computeIfAbsent(module, k -> new TreeSet<>())
          .add(c.getName());
    }
    assertTrue(modules.containsAll(Set.of("openbadges-model", "openbadges-signing", "openbadges-baking",
        "openbadges-validation", "openbadges-export", "openbadges-issuing", "openbadges-wallet")), "modules seen: " + modules);
    Map<String, Map<String, Set<String>>> clashes = new TreeMap<>();
    byName.forEach((name, perModule) -> {
      if (perModule.size() > 1) {
        clashes.put(name, perModule);
      }
    });
    assertEquals(Map.of(), clashes, "public types sharing a simple name across modules (rename one)");
  }

  @Test
  void theModuleIsFoundFromFoldersAndJars() {
    assertEquals("openbadges-issuing", module("file:/w/openbadges-issuing/target/classes/io/github/X.class"));
    assertEquals("openbadges-test-vectors",
        module("jar:file:/w/openbadges-test-vectors/target/openbadges-test-vectors-0.1.0-SNAPSHOT.jar!/io/X.class"));
    assertEquals("openbadges-model",
        module("jar:file:/r/io/github/insignia/openbadges-model/0.1.0-SNAPSHOT/openbadges-model-0.1.0-SNAPSHOT.jar!/io/X.class"));
  }

  private static String moduleOf(JavaClass c) {
    return module(c.getSource().orElseThrow(() -> new AssertionError("no source for " + c.getName())).getUri().toString());
  }

  private static String module(String uri) {
    Matcher m = MODULE.matcher(uri);
    if (!m.find()) {
      throw new AssertionError("cannot tell which module " + uri + " belongs to");
    }
    return m.group(1);
  }
}
