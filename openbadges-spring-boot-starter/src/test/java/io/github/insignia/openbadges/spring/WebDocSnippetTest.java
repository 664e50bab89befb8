package io.github.insignia.openbadges.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Java code blocks the docs show for Spring Boot are the compiled, tested sources, verbatim. */
class WebDocSnippetTest {
  private static final Pattern REGION = Pattern.compile("(?s)// tag::([\\w-]+)\\[\\]\\n(.*?)\\n\\s*// end::\\1\\[\\]");
  private static final String DIR = "src/test/java/io/github/insignia/openbadges/spring/";

  @Test
  void docsWebMdQuotesTheSpringBootSnippet() throws Exception {
    assertQuoted(Path.of(DIR + "WebDocSnippet.java"), Path.of("../docs/web.md"), List.of("spring-boot"));
  }

  @Test
  void docsWalletsMdQuotesTheSpringBootSnippet() throws Exception {
    assertQuoted(Path.of(DIR + "WalletDocSnippet.java"), Path.of("../docs/wallets.md"), List.of("spring-boot-wallet"));
  }

  @Test
  void docsSpringBootMdQuotesItsSnippets() throws Exception {
    assertQuoted(Path.of(DIR + "SpringBootDocSnippets.java"), Path.of("../docs/spring-boot.md"),
        List.of("replace-store", "use-issuer"));
  }

  static void assertQuoted(Path source, Path doc, List<String> expected) throws Exception {
    String code = Files.readString(source);
    String text = Files.readString(doc);
    Matcher m = REGION.matcher(code);
    List<String> names = new ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
      String quoted = "```java\n" + dedent(m.group(2)) + "\n```";
      assertTrue(text.contains(quoted), doc + " does not quote region '" + m.group(1) + "' as it is:\n" + quoted);
    }
    assertEquals(expected, names);
  }

  static String dedent(String block) {
    List<String> lines = block.lines().toList();
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append(line.length() >= indent ? line.substring(indent) : line.strip()).append('\n');
    }
    return out.toString().stripTrailing();
  }
}
