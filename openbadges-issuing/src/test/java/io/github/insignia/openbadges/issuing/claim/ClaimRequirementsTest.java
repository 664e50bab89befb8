package io.github.insignia.openbadges.issuing.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ClaimRequirementsTest {
  private static ClaimFacts.Builder complete() {
    return ClaimFacts.builder()
        .badgePlatformAccount("Ana.Garcia@Example.org ")
        .trainingPlatformEmail("  ana.garcia@example.ORG")
        .enrolled(true)
        .tasks(10, 8)
        .claimMade(true);
  }

  @Test
  void grantsWhenEveryRequisiteHoldsWithNormalisedEmails() {
    ClaimDecision d = ClaimRequirements.evaluate(complete().build());
    assertTrue(d.granted());
    assertEquals(List.of("All set: your badge is on its way."), d.messages(Locale.ENGLISH));
    assertEquals(List.of("Todo listo: tu insignia está en camino."), d.messages(new Locale("es")));
  }

  @Test
  void namesTheMissingAccountFirst() {
    ClaimDecision d = ClaimRequirements.evaluate(ClaimFacts.builder().trainingPlatformEmail("a@b.c").build());
    assertEquals(
        List.of(Requisite.BADGE_PLATFORM_ACCOUNT, Requisite.ENROLMENT, Requisite.CLAIM_MADE), d.missing());
    assertEquals(Requisite.BADGE_PLATFORM_ACCOUNT, d.firstMissing().orElseThrow());
  }

  @Test
  void explainsAnEmailMismatchInBothLanguages() {
    ClaimDecision d =
        ClaimRequirements.evaluate(complete().badgePlatformAccount("ana@gmail.com").build());
    assertEquals(List.of(Requisite.MATCHING_EMAIL), d.missing());
    String en = d.message(Requisite.MATCHING_EMAIL, Locale.ENGLISH);
    String es = d.message(Requisite.MATCHING_EMAIL, Locale.forLanguageTag("es-ES"));
    assertTrue(en.contains("ana@gmail.com") && en.contains("ana.garcia@example.ORG"), en);
    assertTrue(es.startsWith("Tu cuenta de la plataforma de insignias usa ana@gmail.com"), es);
  }

  @Test
  void countsTheTasksStillToDo() {
    ClaimDecision d = ClaimRequirements.evaluate(complete().tasks(5, 8).build());
    assertEquals(List.of(Requisite.MINIMUM_TASKS), d.missing());
    assertEquals(
        "You have completed 5 of the 8 required tasks. Complete 3 more to earn this badge.",
        d.message(Requisite.MINIMUM_TASKS, Locale.UK));
    assertEquals(
        "Has completado 5 de las 8 tareas obligatorias. Completa 3 más para obtener esta insignia.",
        d.message(Requisite.MINIMUM_TASKS, Locale.forLanguageTag("es-MX")));
  }

  @Test
  void otherLanguagesFallBackToEnglishWhateverTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(new Locale("es"));
      ClaimDecision d = ClaimRequirements.evaluate(complete().claimMade(false).build());
      assertEquals(
          "You have met every requirement. Claim your badge to receive it.",
          d.message(Requisite.CLAIM_MADE, Locale.FRENCH));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void blankEmailsNeverMatch() {
    assertFalse(ClaimRequirements.evaluate(complete().badgePlatformAccount(" ").trainingPlatformEmail(" ").build()).granted());
    assertEquals(
        List.of(Requisite.MATCHING_EMAIL),
        ClaimRequirements.evaluate(ClaimFacts.builder().badgePlatformAccount("a@b.c").enrolled(true).claimMade(true).build()).missing());
  }
}
