import { describe, expect, it } from 'vitest';
import { decodeProse, decodeText, stripShortcodes } from '../../src/kb/decode-docs-markup.js';

describe('decodeText', () => {
  it('decodes named entities', () => {
    expect(decodeText('lchown &lt;FILE&gt;: a &amp; b &quot;c&quot; &apos;d&apos;')).toBe(
      'lchown <FILE>: a & b "c" \'d\'',
    );
    expect(decodeText('a&nbsp;b &hellip; &mdash; &rsquo;')).toBe('a b … — ’');
  });

  it('decodes decimal and hex numeric entities, invalid ones as U+FFFD', () => {
    expect(decodeText('don&#39;t &#x27;x&#X27; &#8230; &#x1F600;')).toBe("don't 'x' … 😀");
    expect(decodeText('&#0; &#xD800; &#1114112;')).toBe('\uFFFD \uFFFD \uFFFD');
  });

  it('leaves unknown names and bare ampersands as written', () => {
    expect(decodeText('&bogus; a && b &amp')).toBe('&bogus; a && b &amp');
  });

  it('removes the backslash of markdown escapes before ASCII punctuation only', () => {
    expect(decodeText('\\[rootlesskit:parent\\] \\_x\\_ \\*y\\* \\<z\\> \\` \\# \\\\')).toBe(
      '[rootlesskit:parent] _x_ *y* <z> ` # \\',
    );
    expect(decodeText('C:\\path \\n \\é')).toBe('C:\\path \\n \\é');
  });

  it('decodes in one pass: an escaped ampersand keeps its entity, a decoded one is not re-read', () => {
    expect(decodeText('\\&lt; &amp;lt;')).toBe('&lt; &lt;');
  });
});

describe('stripShortcodes', () => {
  it('turns a tab into its label and drops the tabs around it', () => {
    const markdown = [
      'Intro.',
      '',
      '{{< tabs >}}',
      '{{< tab name="RootlessKit v3.0 or later" >}}',
      'Disable the userland proxy.',
      '{{< /tab >}}',
      '{{< tab name="Prior versions" >}}',
      '- Use slirp4netns',
      '{{< /tab >}}',
      '{{< /tabs >}}',
      '',
      'After.',
    ].join('\n');
    expect(stripShortcodes(markdown)).toBe(
      [
        'Intro.',
        '',
        '',
        '',
        '*RootlessKit v3.0 or later:*',
        'Disable the userland proxy.',
        '',
        '',
        '*Prior versions:*',
        '- Use slirp4netns',
        '',
        '',
        '',
        'After.',
      ].join('\n'),
    );
  });

  it('drops other shortcodes, block or inline, {{% %}} and self-closing ones too', () => {
    expect(stripShortcodes('  {{% include "rootless.md" %}}  \ntext')).toBe('\ntext');
    expect(stripShortcodes('{{< button url="/x" text="Go" />}}')).toBe('');
    expect(stripShortcodes('Docker {{< param "version" >}} or later')).toBe('Docker  or later');
    expect(stripShortcodes('{{< accordion title="Details" >}}\nbody\n{{< /accordion >}}')).toBe(
      '\n*Details:*\nbody\n',
    );
  });

  it('leaves text without shortcodes alone', () => {
    const text = 'a {{ not a shortcode }} and {< nor this >}\n';
    expect(stripShortcodes(text)).toBe(text);
  });
});

describe('decodeProse', () => {
  it('decodes prose and leaves inline code and fenced code as written', () => {
    const markdown = [
      'Run `echo &lt;x\\_y&gt;` on \\[host\\] &amp; see &lt;FILE&gt;.',
      '',
      '```console',
      '$ echo \\_ &amp;',
      '```',
      '',
      '  ~~~',
      '  &lt;kept&gt;',
      '  ~~~',
      'after \\*fence\\*',
    ].join('\n');
    expect(decodeProse(markdown)).toBe(
      [
        'Run `echo &lt;x\\_y&gt;` on [host] & see <FILE>.',
        '',
        '```console',
        '$ echo \\_ &amp;',
        '```',
        '',
        '  ~~~',
        '  &lt;kept&gt;',
        '  ~~~',
        'after *fence*',
      ].join('\n'),
    );
  });
});
