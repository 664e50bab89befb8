/** JMH benchmarks: {@code java -jar openbadges-benchmarks/target/benchmarks.jar}. */
package io.github.insignia.openbadges.benchmarks;
