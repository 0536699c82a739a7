/** Training that has nothing to do with VAEs: Adam, the loop over epochs and batches, progress and history. */
package vae.train;
