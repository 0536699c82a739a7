package vae;

import vae.data.Mnist;

/** Run by {@link DataFromAnyFolderTest} in a JVM of its own, started in a folder outside the repository. */
public final class PrintDataSizes {
    private PrintDataSizes() {}

    public static void main(String[] args) {
        System.out.println("working folder " + System.getProperty("user.dir"));
        System.out.println("train " + Mnist.train().size());
        System.out.println("test " + Mnist.test().size());
        System.out.println("lesson latent " + Pretrained.lesson().latentSize());
        System.out.println("latent2d latent " + Pretrained.latent2d().latentSize());
    }
}
