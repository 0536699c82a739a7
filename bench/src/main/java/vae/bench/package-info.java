/** Speed benchmarks of the library, run by bench/training.sh and bench/conv-layers.sh; not tests, and not in vae-lib's jar. */
package vae.bench;
