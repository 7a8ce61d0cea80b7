package dev.sessionwatch.app.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Writes a PNG of a scene, so a person can look at the layout a test produced. */
public final class WindowSnapshot {
  private WindowSnapshot() {}

  /**
   * Snapshots {@code scene} on the FX thread and writes it to {@code file}; without javafx-swing,
   * by copying the pixels into an AWT image.
   */
  public static Path write(Scene scene, Path file)
      throws IOException, InterruptedException, ExecutionException, TimeoutException {
    WritableImage image =
        WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
    int width = (int) image.getWidth();
    int height = (int) image.getHeight();
    int[] pixels = new int[width * height];
    image
        .getPixelReader()
        .getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
    BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    png.setRGB(0, 0, width, height, pixels, 0, width);
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(png, "png", file.toFile());
    return file;
  }
}
