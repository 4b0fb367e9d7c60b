/**
 * The JSON-lines download with every character that a terminal or an editor
 * would act on written as a `\uXXXX` escape.
 *
 * JSON.stringify (the recorder's and the upload's writer) escapes C0 control
 * characters itself, but leaves DEL, the C1 controls (U+009B is a CSI to some
 * terminals), U+2028/U+2029 (line ends to JavaScript-era tools) and the bidi
 * overrides raw inside strings. None of them can occur in JSON outside a
 * string, so replacing each with its escape gives the same JSON value: a
 * `curl` of the download to a terminal is inert, and parsing it gives the
 * same records.
 */
import { StringDecoder } from 'node:string_decoder';
import { Transform } from 'node:stream';

const RAW = /[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeOne(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The escaping for one piece of JSON text (whole characters). */
export function escapeJsonText(text: string): string {
  return text.replace(RAW, escapeOne);
}

/** A byte stream of UTF-8 JSON text in, the same JSON escaped out (characters split across chunks kept whole). */
export function escapeJsonStream(): Transform {
  const decoder = new StringDecoder('utf8');
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, escapeJsonText(decoder.write(chunk)));
    },
    flush(done) {
      done(null, escapeJsonText(decoder.end()));
    },
  });
}
