/**
 * How a JVM running the lessons starts (its environment, flags, caches, ND4J's natives, every environment variable
 * read): infrastructure for the kernel, the grader, the benchmarks and the tests, kept out of {@code import vae.*}.
 */
package vae.runtime;
