package io.github.insignia.openbadges.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.insignia.openbadges.ErrorCode;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.signing.verify.ProofFailure;
import io.github.insignia.openbadges.validation.CheckCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/error-codes.md} is the table of record: every constant of every {@link ErrorCode}
 * enum (found by scanning the classes, so a new module's enum is checked without editing this
 * test), of {@link CheckCode} and of {@link ProofFailure} has a row {@code | `CODE` | meaning |}
 * in the section headed by its enum's name, and no row names a code that no enum has.
 */
class ErrorCodesDocumentedTest {
  private static final Path DOC = Path.of("..", "docs", "error-codes.md");
  private static final Pattern HEADING = Pattern.compile("^##\\s+`(\\w+)`.*");
  private static final Pattern ROW = Pattern.compile("^\\|\\s*`([A-Z][A-Z0-9_]*)`\\s*\\|.*");

  /** Every code enum: ErrorCode implementors under io.github.insignia, plus CheckCode and ProofFailure. */
  private static Map<String, Set<String>> codeEnums() {
    Map<String, Set<String>> enums = new TreeMap<>();
    for (JavaClass c : classes()) {
      if (c.isEnum() && c.isAssignableTo(ErrorCode.class)) {
        enums.put(c.getSimpleName(), constants(c.reflect()));
      }
    }
    enums.put(CheckCode.class.getSimpleName(), constants(CheckCode.class));
    enums.put(ProofFailure.class.getSimpleName(), constants(ProofFailure.class));
    sourceEnums().forEach(enums::putIfAbsent);
    return enums;
  }

  private static final Pattern SOURCE_ENUM =
      Pattern.compile("public enum (\\w+) implements (?:[\\w.]*\\.)?ErrorCode\\s*\\{");
  private static final Pattern SOURCE_CONSTANT = Pattern.compile("^\\s*([A-Z][A-Z0-9_]*)\\s*(?:\\([^)]*\\))?\\s*([,;]?)\\s*$");

  /**
   * ErrorCode enums of modules this test's class path does not hold (the JDBC store, the Spring Boot
   * starter, the portal), read from their sources: every module of the reactor is checked.
   */
  private static Map<String, Set<String>> sourceEnums() {
    Map<String, Set<String>> enums = new TreeMap<>();
    try (var files = Files.walk(Path.of(".."), 12)) {
      for (Path file : (Iterable<Path>) files
          .filter(f -> f.toString().endsWith("ErrorCode.java") && f.toString().contains("src/main/java"))
          .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/.worktrees/"))::iterator) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher m = SOURCE_ENUM.matcher(text);
        if (!m.find()) {
          continue;
        }
        Set<String> names = new TreeSet<>();
        for (String line : text.substring(m.end()).split("\\R")) {
          Matcher c = SOURCE_CONSTANT.matcher(line);
          if (c.matches()) {
            names.add(c.group(1));
            if (c.group(2).equals(";")) {
              break;
            }
          } else if (line.strip().equals("}")) {
            break;
          }
        }
        enums.put(m.group(1), names);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return enums;
  }

  private static Iterable<JavaClass> classes() {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.github.insignia");
  }

  private static Set<String> constants(Class<?> type) {
    Set<String> names = new TreeSet<>();
    for (Object constant : type.getEnumConstants()) {
      names.add(((Enum<?>) constant).name());
    }
    return names;
  }

  /** The doc's rows, by the enum named in the heading above them ("" for a section naming none). */
  private static Map<String, List<String>> documentedRows() throws IOException {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    String section = "";
    for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
      if (line.startsWith("## ")) {
        Matcher h = HEADING.matcher(line);
        section = h.matches() ? h.group(1) : "";
        continue;
      }
      Matcher r = ROW.matcher(line);
      if (r.matches()) {
        rows.computeIfAbsent(section, k -> new ArrayList<>()).add(r.group(1));
      }
    }
    return rows;
  }

  @Test
  void everyEnumFromEveryLibraryModuleIsFound() {
    Set<String> names = codeEnums().keySet();
    assertTrue(names.containsAll(Set.of("ModelErrorCode", "SigningErrorCode", "BakingErrorCode",
        "ValidationErrorCode", "ExportErrorCode", "IssuingErrorCode", "WebErrorCode", "CliErrorCode",
        "JdbcErrorCode", "SpringErrorCode", "CheckCode", "ProofFailure")), "enums found: " + names);
  }

  @Test
  void everyCodeHasARowInItsEnumsSectionAndNoRowIsAnOrphan() throws IOException {
    Map<String, Set<String>> enums = codeEnums();
    Map<String, List<String>> rows = documentedRows();
    Set<String> allCodes = new TreeSet<>();
    enums.values().forEach(allCodes::addAll);
    List<String> problems = new ArrayList<>();
    enums.forEach((name, codes) -> {
      List<String> documented = rows.getOrDefault(name, List.of());
      for (String code : codes) {
        if (!documented.contains(code)) {
          problems.add(name + "." + code + " has no row under the heading ## `" + name + "`");
        }
      }
      Set<String> seen = new TreeSet<>();
      for (String code : documented) {
        if (!codes.contains(code)) {
          problems.add("orphan row `" + code + "` under ## `" + name + "`: not a constant of " + name);
        } else if (!seen.add(code)) {
          problems.add("`" + code + "` has two rows under ## `" + name + "`");
        }
      }
    });
    rows.forEach((section, codes) -> {
      if (!enums.containsKey(section)) {
        for (String code : codes) {
          if (!allCodes.contains(code)) {
            problems.add("orphan row `" + code + "` in section '" + section + "': no enum has it");
          }
        }
      }
    });
    assertEquals(List.of(), problems, "docs/error-codes.md and the code enums disagree");
  }

  @Test
  void noExceptionTakesACodeAsAString() {
    List<String> stringCodes = new ArrayList<>();
    for (JavaClass c : classes()) {
      if (!c.isAssignableTo(OpenBadgesException.class)) {
        continue;
      }
      for (JavaConstructor k : c.getConstructors()) {
        if (k.getModifiers().contains(JavaModifier.PRIVATE)) {
          continue;
        }
        boolean stringCode = k.getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(String.class))
            && k.getRawParameterTypes().stream().noneMatch(t -> t.isAssignableTo(ErrorCode.class))
            && !k.getRawParameterTypes().isEmpty()
            && k.getRawParameterTypes().stream().noneMatch(t -> t.isEnum());
        if (stringCode) {
          stringCodes.add(k.getFullName());
        }
      }
    }
    assertEquals(List.of(), stringCodes, "exceptions whose code is a String: take the module's ErrorCode");
  }
}
