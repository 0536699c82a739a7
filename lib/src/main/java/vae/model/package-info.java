/** The VAE as a SameDiff graph, one lesson step per class: encoder, reparameterization, decoder, loss. */
package vae.model;
