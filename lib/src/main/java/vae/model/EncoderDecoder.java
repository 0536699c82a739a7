package vae.model;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The encoder and decoder of one architecture, what differs between the MLP and the conv VAE: which weights there are,
 * how x becomes μ and logvar, and how z becomes the logits. The rest of the graph (σ, z, the loss) is the same for both.
 * The setting {@link VaeConfig.Architecture} (MLP or CONV) says which one {@link #of} gives.
 */
interface EncoderDecoder {
    /** Declares the encoder's weights, then the decoder's: that order is the parameter vector's (and a checkpoint's). */
    void declare(Parameters p, VaeConfig c);

    Encoder.Output encode(SameDiff sd, SDVariable x, Map<String, SDVariable> w);

    Decoder.Output decode(SameDiff sd, SDVariable z, Map<String, SDVariable> w);

    static EncoderDecoder of(VaeConfig config) {
        return switch (config.architecture()) {
            case MLP -> new Mlp();
            case CONV -> new Conv();
        };
    }

    /** The lessons' model: {@link Encoder} and {@link Decoder}. */
    record Mlp() implements EncoderDecoder {
        @Override public void declare(Parameters p, VaeConfig c) { Encoder.declare(p, c); Decoder.declare(p, c); }
        @Override public Encoder.Output encode(SameDiff sd, SDVariable x, Map<String, SDVariable> w) { return Encoder.build(sd, x, w); }
        @Override public Decoder.Output decode(SameDiff sd, SDVariable z, Map<String, SDVariable> w) { return Decoder.build(sd, z, w); }
    }

    /** The conv VAE of PyTorch tutorials: {@link ConvEncoder} and {@link ConvDecoder}. */
    record Conv() implements EncoderDecoder {
        @Override public void declare(Parameters p, VaeConfig c) { ConvEncoder.declare(p, c); ConvDecoder.declare(p, c); }
        @Override public Encoder.Output encode(SameDiff sd, SDVariable x, Map<String, SDVariable> w) { return ConvEncoder.build(sd, x, w); }
        @Override public Decoder.Output decode(SameDiff sd, SDVariable z, Map<String, SDVariable> w) { return ConvDecoder.build(sd, z, w); }
    }
}
