package vae.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The encoder and decoder of one architecture, what differs between the MLP and the conv VAE: which weights there are,
 * how x becomes μ and logvar, and how z becomes the logits. The rest of the graph (σ, z, the loss) is the same for both.
 * The setting {@link VaeConfig.Architecture} (MLP or CONV) says which one {@link #declare} gives.
 */
interface EncoderDecoder {
    /**
     * Declares the encoder's weights, then the decoder's (that order is the parameter vector's and a checkpoint's), and
     * gives the encoder and decoder that keep them.
     */
    static EncoderDecoder declare(Parameters p, VaeConfig config) {
        return switch (config.architecture()) {
            case MLP -> new Mlp(new Encoder(p, config), new Decoder(p, config));
            case CONV -> new Conv(new ConvEncoder(p, config), new ConvDecoder(p, config));
        };
    }

    Encoded.InGraph encode(SameDiff sd, SDVariable x, Parameters.Variables w);

    Decoder.Output decode(SameDiff sd, SDVariable z, Parameters.Variables w);

    /** The lessons' model: {@link Encoder} and {@link Decoder}. */
    record Mlp(Encoder encoder, Decoder decoder) implements EncoderDecoder {
        @Override public Encoded.InGraph encode(SameDiff sd, SDVariable x, Parameters.Variables w) { return encoder.build(sd, x, w); }
        @Override public Decoder.Output decode(SameDiff sd, SDVariable z, Parameters.Variables w) { return decoder.build(sd, z, w); }
    }

    /** The conv VAE of PyTorch tutorials: {@link ConvEncoder} and {@link ConvDecoder}. */
    record Conv(ConvEncoder encoder, ConvDecoder decoder) implements EncoderDecoder {
        @Override public Encoded.InGraph encode(SameDiff sd, SDVariable x, Parameters.Variables w) { return encoder.build(sd, x, w); }
        @Override public Decoder.Output decode(SameDiff sd, SDVariable z, Parameters.Variables w) { return decoder.build(sd, z, w); }
    }
}
