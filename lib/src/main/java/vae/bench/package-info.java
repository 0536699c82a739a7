/** Speed benchmarks of the library (run by bench/training.sh; not tests). */
package vae.bench;
