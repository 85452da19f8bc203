import { expect, test, type Page, type WebSocketRoute } from '@playwright/test';
import { officePage } from './office-page.js';

/**
 * A recording uploaded in the step inspector, in Debian's Chromium against the headless engine:
 * a 48 kHz stereo WAV chosen with the button, sent with a progress bar, converted to telephone
 * quality with its length kept, drawn, played and saved in the draft; then a broken file dropped
 * on the zone, refused with what is wrong, changing nothing.
 */
const office = officePage();

interface StoredPrompt {
  id: string;
  name: string;
  durationMs: number;
}
interface Workflow {
  id: string;
  draft: { steps: { id: string; prompt?: unknown }[] };
}

/** A tone that swells and fades, as 16-bit stereo PCM: a waveform with a visible shape. */
function stereoToneWav(seconds: number, sampleRate = 48_000): Buffer {
  const frames = Math.round(seconds * sampleRate);
  const wav = Buffer.alloc(44 + frames * 4);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + frames * 4, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(2, 22);
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * 4, 28);
  wav.writeUInt16LE(4, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(frames * 4, 40);
  for (let i = 0; i < frames; i++) {
    const envelope = Math.sin((Math.PI * i) / frames);
    const sample = Math.round(20_000 * envelope * Math.sin((2 * Math.PI * 440 * i) / sampleRate));
    wav.writeInt16LE(sample, 44 + i * 4);
    wav.writeInt16LE(sample, 46 + i * 4);
  }
  return wav;
}

/**
 * Holds the page's API requests for which `isHeld` says so until `release()`, so that a state
 * that would otherwise flash by (a half-sent upload, the conversion) can be seen.
 */
async function holdRequests(
  page: Page,
  isHeld: (method: string, params: Record<string, unknown>) => boolean,
) {
  const held: (() => void)[] = [];
  let holding = true;
  await page.routeWebSocket(/\/rpc/, (ws: WebSocketRoute) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const request = typeof message === 'string' ? (JSON.parse(message) as Record<string, unknown>) : {};
      const params = (request.params ?? {}) as Record<string, unknown>;
      if (holding && typeof request.method === 'string' && isHeld(request.method, params)) {
        held.push(() => server.send(message));
      } else server.send(message);
    });
  });
  return {
    release() {
      for (const send of held.splice(0)) send();
    },
    stop() {
      holding = false;
      this.release();
    },
  };
}

const saved = (page: Page) =>
  expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

test('uploads a 48 kHz stereo WAV, converted with its length kept; a broken file changes nothing', async ({
  page,
}) => {
  // The second piece of the upload and the conversion wait until the test has seen them coming.
  const gate = await holdRequests(
    page,
    (method, params) =>
      (method === 'prompts.uploadChunk' && params.offset !== 0) || method === 'prompts.uploadFinish',
  );
  await office.openWorkflows(page);
  await page.getByRole('button', { name: 'Blank', exact: true }).click();
  await page.getByRole('button', { name: 'Voice message' }).click();
  const inspector = page.getByRole('complementary', { name: 'Step settings' });
  await expect(inspector.getByRole('heading', { name: 'Voice message' })).toBeVisible();
  await saved(page);
  expect(await office.api.result<StoredPrompt[]>('prompts.list', {})).toEqual([]);

  // No recording yet, and still "Uploaded recording" may be chosen: to upload the first one.
  await inspector.getByLabel('Source').selectOption({ label: 'Uploaded recording' });
  const zone = inspector.getByRole('group', { name: 'Upload a recording' });
  await expect(zone).toContainText('Drop a WAV, MP3 or OGG file here, or choose a file');

  // Chosen with the button, as by keyboard.
  const chooseButton = zone.getByRole('button', { name: 'choose a file' });
  await chooseButton.focus();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  const tone = stereoToneWav(3.0);
  await (await chooser).setFiles({ name: 'Welcome tone.wav', mimeType: 'audio/wav', buffer: tone });

  // Half sent: the bar and the words say how far.
  const progress = zone.getByRole('progressbar', { name: 'Upload of Welcome tone.wav' });
  await expect(progress).toHaveAttribute('value', String(512 * 1024));
  await expect(progress).toHaveAttribute('max', String(tone.length));
  await expect(zone).toContainText('Uploading Welcome tone.wav: 512 KB of 563 KB');
  gate.release();
  // Sent: the engine converts it.
  await expect(zone.getByRole('status')).toHaveText('Converting to telephone quality…');
  await expect(progress).not.toHaveAttribute('value');
  gate.stop();

  // Converted and selected: its waveform, its length (unchanged) and a player.
  await expect(zone.getByRole('status')).toHaveText(
    '“Welcome tone” is uploaded and converted to telephone quality.',
  );
  const waveform = inspector.getByRole('img', { name: 'Message: waveform' });
  await expect(waveform).toBeVisible();
  const heights = await waveform
    .locator('rect')
    .evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('height'))));
  expect(heights.length).toBeGreaterThan(50);
  // The swell shows: loud in the middle, near silence at the ends.
  expect(Math.max(...heights)).toBeGreaterThan(1);
  expect(heights[0]!).toBeLessThan(0.2);
  await expect(inspector.getByText('Length: 3.0 s')).toBeVisible();
  await expect(inspector.getByLabel('Message: preview')).toHaveAttribute('src', /^blob:/);

  const [uploaded, ...others] = await office.api.result<StoredPrompt[]>('prompts.list', {});
  expect(others).toEqual([]);
  expect(uploaded).toMatchObject({ name: 'Welcome tone', source: 'upload' });
  expect(Math.abs(uploaded!.durationMs - 3000)).toBeLessThanOrEqual(30);
  await expect(inspector.getByLabel('Recording', { exact: true })).toHaveValue(uploaded!.id);
  await saved(page);
  const draftPrompt = async () => {
    const [summary] = await office.api.result<{ id: string }[]>('workflows.list', {});
    const workflow = await office.api.result<Workflow>('workflows.get', { id: summary!.id });
    return workflow.draft.steps.find((step) => step.id === 'voice_message_1')?.prompt;
  };
  expect(await draftPrompt()).toEqual({ kind: 'audio', promptId: uploaded!.id });

  // A broken file dropped on the zone: refused, saying what is wrong, and nothing changes.
  const broken = [...'RIFF'].map((c) => c.charCodeAt(0)).concat(Array.from({ length: 60 }, (_, i) => i));
  const dataTransfer = await page.evaluateHandle((bytes) => {
    // Runs in the page; the tests compile without the DOM's types.
    const { DataTransfer } = globalThis as unknown as {
      DataTransfer: new () => { items: { add(file: File): void } };
    };
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], 'broken.wav', { type: 'audio/wav' }));
    return transfer;
  }, broken);
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await expect(zone).toHaveClass(/is-drag-over/);
  await zone.dispatchEvent('drop', { dataTransfer });
  const alert = inspector.getByRole('alert');
  await expect(alert).toContainText('broken.wav is not a WAV, MP3 or OGG audio file, or it is damaged.');
  await expect(alert).toContainText('Details: not a WAV file');
  await expect(zone).not.toHaveClass(/is-drag-over/);
  expect(await office.api.result<StoredPrompt[]>('prompts.list', {})).toHaveLength(1);
  await expect(inspector.getByLabel('Recording', { exact: true })).toHaveValue(uploaded!.id);
  await expect(inspector.getByRole('img', { name: 'Message: waveform' })).toBeVisible();
  expect(await draftPrompt()).toEqual({ kind: 'audio', promptId: uploaded!.id });
});
