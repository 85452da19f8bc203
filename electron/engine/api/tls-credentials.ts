import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';

/** The PEM texts the API serves https/wss with, checked to belong together. */
export interface TlsCredentials {
  cert: string;
  key: string;
}

/** A certificate or key the engine cannot serve with; the message names the file. */
export class TlsSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TlsSetupError';
  }
}

/**
 * Reads the certificate (the server's first, then any intermediates) and its private key, and
 * checks that they make a usable pair, so that a wrong file stops the start before anything runs.
 */
export function loadTlsCredentials(files: { certFile: string; keyFile: string }): TlsCredentials {
  const { certFile, keyFile } = files;
  const cert = readText(certFile, '--tls-cert');
  const key = readText(keyFile, '--tls-key');
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch (error) {
    throw new TlsSetupError(`--tls-cert ${certFile} holds no PEM certificate (${reason(error)})`);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(key);
  } catch (error) {
    throw new TlsSetupError(`--tls-key ${keyFile} holds no unencrypted PEM private key (${reason(error)})`);
  }
  if (!certificate.checkPrivateKey(privateKey)) {
    throw new TlsSetupError(`--tls-key ${keyFile} is not the key of the certificate in ${certFile}`);
  }
  try {
    createSecureContext({ cert, key });
  } catch (error) {
    throw new TlsSetupError(`cannot serve TLS with ${certFile} and ${keyFile}: ${reason(error)}`);
  }
  return { cert, key };
}

function readText(file: string, flag: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new TlsSetupError(`${flag} ${file} cannot be read: ${reason(error)}`);
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
