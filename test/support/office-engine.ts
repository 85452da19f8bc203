import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Testbed } from '../pbx/testbed.js';
import { startEngineProcess, type EngineProcess } from './engine-process.js';
import { RawApiClient } from './ws-client.js';

/**
 * The engine with its office line ('office' on the test bed's Kamailio) provisioned through
 * --config, resolved once the line shows as registered in lines.list.
 */
export async function startOfficeEngine(
  testbed: Testbed,
  dataDir: string,
  line: { transport?: 'udp' | 'tcp' } = {},
): Promise<EngineProcess> {
  const config = join(dataDir, 'office.json');
  writeFileSync(
    config,
    JSON.stringify({
      lines: [
        {
          displayName: 'Main',
          registrar: testbed.proxyAddress,
          username: 'office',
          password: testbed.users.office,
          ...line,
        },
      ],
    }),
  );
  const engine = await startEngineProcess(dataDir, ['--config', config]);
  const client = await RawApiClient.connect(engine.origin, `?token=${engine.token}`);
  try {
    // Registration may finish before the client connects: ask, rather than wait for an event.
    for (let i = 0; i < 300; i++) {
      const listed = (await client.call('lines.list', {})).result as { registration: { state: string } }[];
      if (listed[0]?.registration.state === 'registered') return engine;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the office line did not register in 30 s; engine log:\n${engine.stderr()}`);
  } catch (error) {
    await engine.stop();
    throw error;
  } finally {
    client.close();
  }
}
