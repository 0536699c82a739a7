/**
 * The VAE as a SameDiff graph, one lesson step per class: encoder, reparameterization, decoder, loss; {@link vae.model.Vae}
 * is what the lessons call. Where ND4J 1.0.0-M2.1 needs a workaround, these classes call {@code vae.samediff}.
 */
package vae.model;
