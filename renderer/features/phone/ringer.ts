/**
 * The ring of an incoming call, synthesised (no file to ship) and played on the ringer device
 * chosen apart from the headset: 440 + 480 Hz, 1 s on, 2 s off, the cadence Korean phones use
 * for ringing. Also the settings' test tone.
 */
export class Ringer {
  private context: AudioContext | undefined;
  private element: HTMLAudioElement | undefined;
  private timer = 0;

  async ring(deviceId: string): Promise<void> {
    this.stop();
    const { context, gain } = await this.open(deviceId);
    const burst = (): void => {
      const at = context.currentTime;
      gain.gain.setValueAtTime(0.2, at);
      gain.gain.setValueAtTime(0, at + 1);
    };
    burst();
    this.timer = window.setInterval(burst, 3000);
  }

  /** A 1 s 440 Hz tone on the device, to check it is the one the agent hears. */
  async testTone(deviceId: string): Promise<void> {
    this.stop();
    const { context, gain } = await this.open(deviceId, [440]);
    gain.gain.setValueAtTime(0.2, context.currentTime);
    gain.gain.setValueAtTime(0, context.currentTime + 1);
    window.setTimeout(() => this.stop(), 1100);
  }

  stop(): void {
    window.clearInterval(this.timer);
    this.element?.pause();
    this.element = undefined;
    void this.context?.close();
    this.context = undefined;
  }

  private async open(
    deviceId: string,
    frequencies: number[] = [440, 480],
  ): Promise<{ context: AudioContext; gain: GainNode }> {
    const context = new AudioContext();
    const gain = context.createGain();
    gain.gain.value = 0;
    for (const frequency of frequencies) {
      const oscillator = context.createOscillator();
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start();
    }
    // Through an <audio> element: its setSinkId picks the output device in every Chromium.
    const destination = context.createMediaStreamDestination();
    gain.connect(destination);
    const element = new Audio();
    element.srcObject = destination.stream;
    await element.setSinkId(deviceId === 'default' ? '' : deviceId).catch(() => undefined);
    void element.play().catch(() => undefined);
    this.context = context;
    this.element = element;
    return { context, gain };
  }
}
