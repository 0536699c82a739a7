/** Classical ML on the latent codes (Tribuo): what z knows about the digit, beside a real probability vector. */
package vae.classify;
