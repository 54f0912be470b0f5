import { useCallback, useEffect, useRef, useState } from 'react';
import { essayBodyElement } from '../components/EssayBody';
import { rangeAt, textNodesOf, type TextPosition } from './anchor';
import { READ_ALOUD_CONTINUE } from './readAloudKey';

/**
 * Read aloud with the Web Speech API (speechSynthesis): play, pause, speed and voice; the
 * sentence being read is marked (CSS Custom Highlight API, the body's DOM untouched) and kept
 * in view; at the end it can go on to the next essay. The voices are the device's, so it
 * works offline where the device has local ones. Code blocks and footnotes are not read.
 * Loaded only when the reader asks for it.
 */

const SPEAKING = 'speaking';
const SPEEDS = [0.8, 1, 1.25, 1.5, 2] as const;
const CONTINUE_KEY = READ_ALOUD_CONTINUE;

/** Sentences of the essay's text as offsets; skipped parts (code, footnotes) are blanked. */
export function sentencesOf(prose: HTMLElement, lang: string): TextPosition[] {
  const { text, nodes, starts } = textNodesOf(prose);
  const chars = text.split('');
  nodes.forEach((node, i) => {
    if (node.parentElement?.closest('pre, .footnotes, sup')) {
      for (let c = starts[i]!; c < starts[i]! + node.length; c++) chars[c] = ' ';
    }
  });
  const readable = chars.join('');
  const out: TextPosition[] = [];
  const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
  for (const s of segmenter.segment(readable)) {
    const lead = s.segment.length - s.segment.trimStart().length;
    const trimmed = s.segment.trim();
    if (!/[\p{L}\p{N}]/u.test(trimmed)) continue;
    out.push({ start: s.index + lead, end: s.index + lead + trimmed.length });
  }
  return out;
}

function voicesNow(): Promise<SpeechSynthesisVoice[]> {
  const now = speechSynthesis.getVoices();
  if (now.length > 0) return Promise.resolve(now);
  // Chromium lists voices a moment after the page asks; give it that moment.
  return new Promise((resolve) => {
    const done = () => resolve(speechSynthesis.getVoices());
    speechSynthesis.addEventListener('voiceschanged', done, { once: true });
    setTimeout(done, 1500);
  });
}

export default function ReadAloud({
  slug,
  lang,
  next,
  onNext,
  autoStart,
}: {
  slug: string;
  lang: string;
  next: { title: string } | null;
  onNext: () => void;
  autoStart: boolean;
}) {
  const supported = typeof speechSynthesis !== 'undefined';
  const [voices, setVoices] = useState<SpeechSynthesisVoice[] | null>(null);
  const [voiceName, setVoiceName] = useState('');
  const [speed, setSpeed] = useState(1);
  const [state, setState] = useState<'stopped' | 'playing' | 'paused'>('stopped');
  const [goOn, setGoOn] = useState(() => sessionStorage.getItem(CONTINUE_KEY) === '1');
  const at = useRef(0);
  const sentences = useRef<TextPosition[]>([]);
  // What the next sentence is read with: a change applies from the next sentence on.
  const settings = useRef({ speed, voiceName, goOn });
  useEffect(() => {
    settings.current = { speed, voiceName, goOn };
  }, [speed, voiceName, goOn]);
  const speakNext = useRef<(i: number) => void>(() => {});

  useEffect(() => {
    if (supported) void voicesNow().then(setVoices);
  }, [supported]);

  const prose = useCallback(() => essayBodyElement(slug), [slug]);

  const mark = useCallback(
    (i: number) => {
      const root = prose();
      const span = sentences.current[i];
      if (!root || !span || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
      const range = rangeAt(root, span);
      if (!range) return;
      CSS.highlights.set(SPEAKING, new Highlight(range));
      const box = range.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight)
        window.scrollTo({ top: window.scrollY + box.top - window.innerHeight / 3 });
    },
    [prose],
  );

  const speak = useCallback(
    (i: number) => {
      const root = prose();
      const span = sentences.current[i];
      if (!root || !span) {
        setState('stopped');
        CSS.highlights?.delete(SPEAKING);
        if (i > 0 && settings.current.goOn && next) {
          sessionStorage.setItem(CONTINUE_KEY, '1');
          onNext();
        }
        return;
      }
      at.current = i;
      const text = textNodesOf(root).text.slice(span.start, span.end);
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      utterance.rate = settings.current.speed;
      const voice = voices?.find((v) => v.name === settings.current.voiceName);
      if (voice) utterance.voice = voice;
      utterance.onstart = () => mark(i);
      utterance.onend = () => {
        if (at.current === i) speakNext.current(i + 1);
      };
      speechSynthesis.speak(utterance);
    },
    [lang, mark, next, onNext, prose, voices],
  );

  useEffect(() => {
    speakNext.current = speak;
  }, [speak]);

  const play = useCallback(() => {
    const root = prose();
    if (!root) return;
    if (state === 'paused') {
      speechSynthesis.resume();
      setState('playing');
      return;
    }
    sessionStorage.removeItem(CONTINUE_KEY);
    sentences.current = sentencesOf(root, lang);
    speechSynthesis.cancel();
    setState('playing');
    speak(0);
  }, [lang, prose, speak, state]);

  const stop = useCallback(() => {
    at.current = -1;
    speechSynthesis.cancel();
    CSS.highlights?.delete(SPEAKING);
    setState('stopped');
  }, []);

  // Arriving from the previous essay, which asked to go on.
  const started = useRef(false);
  useEffect(() => {
    if (!autoStart || started.current || !voices || voices.length === 0) return;
    started.current = true;
    play();
  }, [autoStart, play, voices]);

  // Leaving the essay stops reading it.
  useEffect(
    () => () => {
      at.current = -1;
      if (supported) speechSynthesis.cancel();
      if (typeof CSS !== 'undefined') CSS.highlights?.delete(SPEAKING);
    },
    [supported, slug],
  );

  if (!supported || (voices !== null && voices.length === 0)) {
    return (
      <p className="read-aloud" role="status">
        This browser has no voices to read aloud with. Most desktop and phone browsers do; on Linux,
        installing a speech engine (such as speech-dispatcher) adds them.
      </p>
    );
  }
  const sorted = (voices ?? []).slice().sort((a, b) => {
    const wanted = lang.toLowerCase().slice(0, 2);
    const score = (v: SpeechSynthesisVoice) => (v.lang.toLowerCase().startsWith(wanted) ? 0 : 1);
    return score(a) - score(b) || a.name.localeCompare(b.name);
  });
  return (
    <div className="read-aloud" role="group" aria-label="Read aloud">
      {state === 'playing' ? (
        <button
          type="button"
          onClick={() => {
            speechSynthesis.pause();
            setState('paused');
          }}
        >
          Pause
        </button>
      ) : (
        <button type="button" onClick={play} disabled={voices === null}>
          {state === 'paused' ? 'Resume' : 'Play'}
        </button>
      )}
      <button type="button" onClick={stop} disabled={state === 'stopped'}>
        Stop
      </button>
      <label>
        Speed{' '}
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <label>
        Voice{' '}
        <select value={voiceName} onChange={(e) => setVoiceName(e.target.value)}>
          <option value="">The device's default</option>
          {sorted.map((v) => (
            <option key={v.name} value={v.name}>
              {v.name} ({v.lang}){v.localService ? '' : ', online'}
            </option>
          ))}
        </select>
      </label>
      {next ? (
        <label>
          <input type="checkbox" checked={goOn} onChange={(e) => setGoOn(e.target.checked)} /> Go on
          to “{next.title}”
        </label>
      ) : null}
    </div>
  );
}
