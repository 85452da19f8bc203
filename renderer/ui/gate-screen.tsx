import type { MessageKey } from '../i18n/messages.en.js';
import { createTranslator, type Locale } from '../i18n/translate.js';
import { useAppStore } from '../stores/app-store.js';
import { Logo } from './logo.js';

export type GateKind = 'noToken' | 'unauthorized' | 'connecting' | 'retrying';

const texts: Record<GateKind, { title: MessageKey; body: MessageKey }> = {
  noToken: { title: 'gate.noToken.title', body: 'gate.noToken.body' },
  unauthorized: { title: 'gate.unauthorized.title', body: 'gate.unauthorized.body' },
  connecting: { title: 'gate.connecting.title', body: 'gate.connecting.body' },
  retrying: { title: 'gate.retrying.title', body: 'gate.retrying.body' },
};

/** Whether the screen speaks both languages: someone who cannot proceed must understand why. */
const bilingual: Record<GateKind, boolean> = {
  noToken: true,
  unauthorized: true,
  connecting: false,
  retrying: false,
};

/** A full-window screen shown instead of the app when it cannot (yet) talk to the engine. */
export function GateScreen({ kind }: { kind: GateKind }) {
  const locale = useAppStore((state) => state.locale);
  const order: Locale[] = bilingual[kind] ? (locale === 'ko' ? ['ko', 'en'] : ['en', 'ko']) : [locale];
  const isProblem = kind === 'noToken' || kind === 'unauthorized';
  return (
    <main className={`gate gate-${kind}`}>
      <div className="gate-card" role={isProblem ? 'alert' : 'status'}>
        <Logo size={40} />
        {order.map((lang, index) => {
          const t = createTranslator(lang);
          const Heading = index === 0 ? 'h1' : 'h2';
          return (
            <section key={lang} lang={lang} className="gate-text">
              <Heading>{t(texts[kind].title)}</Heading>
              <p>{t(texts[kind].body)}</p>
            </section>
          );
        })}
        {!isProblem && <span className="spinner" aria-hidden="true" />}
      </div>
    </main>
  );
}
