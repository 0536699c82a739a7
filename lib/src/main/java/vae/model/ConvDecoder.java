package vae.model;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;

/**
 * The convolutional decoder of PyTorch tutorials: linear → 64·7·7, ReLU, transposed conv 64→32 and 32→16
 * (k3, s2, p1, output_padding 1), ReLU, conv 16→1 (k3, p1), sigmoid. Shapes: 7 → 14 → 28.
 *
 * <p>SameDiff's deconv has no output_padding. PyTorch's padding 1 + output_padding 1 equals a VALID transposed conv
 * (7 → 15) cropped to rows and columns [1, 1 + 2n): that crop is the whole difference.
 */
public final class ConvDecoder {
    private ConvDecoder() {}

    static void declare(Parameters p, VaeConfig c) {
        p.declare("decoderW", c.latentSize(), c.latentSize(), 3136);
        p.declare("decoderB", c.latentSize(), 3136);
        // SameDiff's deconv2d weights are [kH, kW, outChannels, inChannels].
        p.declare("deconv1W", 32 * 9, 3, 3, 32, 64);
        p.declare("deconv1B", 32 * 9, 32);
        p.declare("deconv2W", 16 * 9, 3, 3, 16, 32);
        p.declare("deconv2B", 16 * 9, 16);
        p.declare("outputW", 16 * 9, 3, 3, 16, 1);
        p.declare("outputB", 16 * 9, 1);
    }

    static Decoder.Output build(SameDiff sd, SDVariable z, Map<String, SDVariable> w) {
        SDVariable hidden = sd.nn().relu("decoderHidden", sd.nn().linear(z, w.get("decoderW"), w.get("decoderB")), 0);  // [batch, 3136]
        SDVariable grid = sd.reshape("decoderGrid", hidden, -1, 64, 7, 7);           // [batch, 64, 7, 7]
        SDVariable d1 = upsample(sd, "deconv1", grid, w, 7);   // [batch, 32, 14, 14]
        SDVariable d2 = upsample(sd, "deconv2", d1, w, 14);    // [batch, 16, 28, 28]
        // conv 16→1 (k3, p1) as im2col + matmul: same maths as sd.cnn().conv2d, faster in M2.1 (Im2ColConvolution).
        SDVariable out = Im2ColConvolution.conv3x3(sd, "outputConv", d2, w.get("outputW"), w.get("outputB"), 16, 1, 28); // [batch, 1, 28, 28]
        SDVariable logits = sd.reshape("logits", out, -1, 784);                      // [batch, 784]
        return new Decoder.Output(logits, sd.nn().sigmoid("reconstruction", logits));
    }

    /** ConvTranspose2d(k3, s2, p1, output_padding 1): n → 2n, as VALID deconv (n → 2n+1) then the crop [1, 1+2n). */
    private static SDVariable upsample(SameDiff sd, String name, SDVariable in, Map<String, SDVariable> w, int n) {
        DeConv2DConfig valid = DeConv2DConfig.builder().kH(3).kW(3).sH(2).sW(2).pH(0).pW(0).isSameMode(false).dataFormat("NCHW").build();
        SDVariable full = sd.cnn().deconv2d(in, w.get(name + "W"), w.get(name + "B"), valid);          // [batch, c, 2n+1, 2n+1]
        SDVariable cropped = full.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(1, 1 + 2 * n), SDIndex.interval(1, 1 + 2 * n));
        return sd.nn().relu(name, cropped, 0);
    }
}
