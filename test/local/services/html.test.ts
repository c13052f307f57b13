import { ExecutionContext } from '../../../local/context';
import { FakeHtmlService } from '../../../local/services/html';

function setup() {
  const ctx = new ExecutionContext();
  return { ctx, html: new FakeHtmlService(ctx) };
}

describe('HtmlOutput', () => {
  test('content, title, size; sandbox and x-frame modes are accepted no-ops', () => {
    const { html } = setup();
    const out = html
      .createHtmlOutput('<h1>Hi</h1>')
      .append('<p>a</p>')
      .appendUntrusted('<script>x</script>')
      .setTitle('T')
      .setWidth(500)
      .setHeight(300)
      .setSandboxMode(html.SandboxMode.IFRAME)
      .setXFrameOptionsMode(html.XFrameOptionsMode.DEFAULT);
    expect(out.getContent()).toBe('<h1>Hi</h1><p>a</p>&lt;script&gt;x&lt;/script&gt;');
    expect([out.getTitle(), out.getWidth(), out.getHeight()]).toEqual(['T', 500, 300]);
    out.setContent('new');
    expect(out.getContent()).toBe('new');
    expect(out.getBlob().getDataAsString()).toBe('new');
    expect(out.getBlob().getContentType()).toBe('text/html');
    expect(html.createHtmlOutput().getContent()).toBe('');
  });

  test('can be built from a blob', () => {
    const { html } = setup();
    const first = html.createHtmlOutput('<i>x</i>');
    expect(html.createHtmlOutput(first.getBlob()).getContent()).toBe('<i>x</i>');
  });

  test('refused in AuthMode.NONE', () => {
    const { html, ctx } = setup();
    expect(() => ctx.runAs('NONE', () => html.createHtmlOutput('x'))).toThrow(/permission/);
    expect(ctx.runAs('LIMITED', () => html.createHtmlOutput('x').getContent())).toBe('x');
  });
});

describe('HtmlTemplate', () => {
  test('<?= ?> escapes, <?!= ?> prints raw, nested properties resolve', () => {
    const { html } = setup();
    const t = html.createTemplate(
      '<h1><?= title ?></h1><div><?!= body ?></div><p title="<?= user.name ?>"><?= items[1] ?></p>',
    );
    t.title = 'Q3 <Report> & "more"';
    t.body = '<b>bold</b>';
    t.user = { name: `O'Brien` };
    t.items = ['a', 'b<'];
    expect(t.evaluate().getContent()).toBe(
      '<h1>Q3 &lt;Report&gt; &amp; &quot;more&quot;</h1><div><b>bold</b></div><p title="O&#39;Brien">b&lt;</p>',
    );
  });

  test('inside <script> a printing scriptlet becomes a safe JS literal', () => {
    const { html } = setup();
    const t = html.createTemplate('<script>var data = <?= data ?>;</script><p><?= n ?></p>');
    t.data = { label: '</script><script>alert(1)</script>', n: 3 };
    t.n = 5;
    const out = t.evaluate().getContent();
    expect(out).toBe(
      '<script>var data = {"label":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e","n":3};</script><p>5</p>',
    );
  });

  test('missing properties and code scriptlets fail loudly', () => {
    const { html } = setup();
    expect(() => html.createTemplate('<?= nope ?>').evaluate()).toThrow(/nope is not defined/);
    expect(() => html.createTemplate('<? for (;;) {} ?>').evaluate()).toThrow(/not supported/);
    expect(() => html.createTemplate('<?= a + b ?>').evaluate()).toThrow(
      /Only template properties/,
    );
  });

  test('HtmlService.createTemplateFromFile reads registered project files', () => {
    const { html } = setup();
    html.files.set('Sidebar', '<p><?= who ?></p>');
    const t = html.createTemplateFromFile('Sidebar');
    t.who = 'me';
    expect(t.evaluate().getContent()).toBe('<p>me</p>');
    expect(() => html.createHtmlOutputFromFile('Missing')).toThrow(/No HTML file/);
  });
});
