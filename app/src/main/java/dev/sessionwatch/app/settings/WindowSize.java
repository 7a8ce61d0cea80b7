package dev.sessionwatch.app.settings;

/** The main window's size when it was last closed. */
public record WindowSize(double width, double height) {
  public static final WindowSize DEFAULT = new WindowSize(1280, 800);

  /** Whether a window of this size can be shown: neither tiny nor absurdly large. */
  public boolean fitsAScreen() {
    return width >= 640 && height >= 400 && width <= 20_000 && height <= 20_000;
  }
}
