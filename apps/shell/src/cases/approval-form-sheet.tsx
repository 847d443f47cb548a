import type { ApprovalFormDto } from '@unionflow/contracts';
import './approval-form.css';

/** The QR code's dark modules as one SVG path (a square per module), inside a two-module quiet zone. */
function qrPath(rows: string[]): string {
  let d = '';
  rows.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) if (row[x] === '1') d += `M${x + 2} ${y + 2}h1v1h-1z`;
  });
  return d;
}

function QrCode({ rows, label }: { rows: string[]; label: string }) {
  const size = rows.length + 4;
  return (
    <svg
      className="uf-form-qr"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      data-testid="approval-form-qr"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={qrPath(rows)} fill="#000" />
    </svg>
  );
}

/**
 * The approval form (审批单) as an A4 sheet: the same model, in the same order, as the gateway's PDF.
 * Every text comes from the server already written in the reader's language and masked for them.
 */
export function ApprovalFormSheet({ form }: { form: ApprovalFormDto }) {
  const L = form.labels;
  const info: [string | undefined, string][] = [
    [L.title, form.title],
    [L.process, form.processName],
    [L.applicant, form.applicant],
    [L.orgUnit, form.orgUnitName],
    [L.status, form.status],
    [L.submittedAt, form.submittedAt],
  ];
  return (
    <article className="uf-form-sheet" lang={form.lang === 'zh' ? 'zh-CN' : 'en'} data-testid="approval-form">
      <header className="uf-form-head">
        <div className="uf-form-titles">
          <div className="uf-form-union">{form.unionName}</div>
          <h1 className="uf-form-heading">{form.heading}</h1>
          <div data-testid="approval-form-number">
            {L.caseNumber}：{form.caseNumber}
          </div>
        </div>
        <figure className="uf-form-qr-box">
          <QrCode rows={form.qr} label={`${L.qr} ${form.caseUrl}`} />
          <figcaption>{L.qr}</figcaption>
        </figure>
      </header>

      <table className="uf-form-table uf-form-info">
        <tbody>
          {info.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="uf-form-section">{L.fields}</h2>
      <table className="uf-form-table uf-form-fields" data-testid="approval-form-fields">
        <tbody>
          {form.fields.map((f) => (
            <tr key={f.label}>
              <th scope="row">{f.label}</th>
              <td>{f.value}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="uf-form-section">{L.steps}</h2>
      <table className="uf-form-table uf-form-steps" data-testid="approval-form-steps">
        <thead>
          <tr>
            <th scope="col">{L.step}</th>
            <th scope="col">{L.actor}</th>
            <th scope="col">{L.decision}</th>
            <th scope="col">{L.comment}</th>
            <th scope="col">{L.time}</th>
          </tr>
        </thead>
        <tbody>
          {form.steps.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the record is append-only and never reorders
            <tr key={i}>
              <td>{s.step}</td>
              <td>{s.actor}</td>
              <td>{s.decision}</td>
              <td>
                {s.comment}
                {s.details.map((d) => (
                  <div key={d.label}>
                    {d.label}：{d.value}
                  </div>
                ))}
              </td>
              <td>{s.time}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="uf-form-section">{L.audit}</h2>
      <p className="uf-form-audit">
        {L.auditEvents}：<code data-testid="approval-form-hash">{form.audit.hash}</code>
      </p>
      <p className="uf-form-foot">
        {L.printedAt}：{form.printedAt} · {form.caseUrl}
      </p>
    </article>
  );
}
