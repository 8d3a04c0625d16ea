/// The report's inline stylesheet. Kept free of "<", ">" and "&" so the page stays well-formed XML.
enum HTMLStyle {
    static let css = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    body { margin: 0; background: #f3f4f6; color: #1f2328;
      font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    main { max-width: 980px; margin: 0 auto; padding: 32px 36px 48px; background: #ffffff; min-height: 100vh; }
    header.report { border-bottom: 1px solid #e3e5e8; margin-bottom: 20px; padding-bottom: 8px; }
    h1 { font-size: 26px; line-height: 1.25; margin: 0 0 6px; font-weight: 650; }
    .subtitle { color: #5f6368; margin: 0 0 10px; }
    h2 { font-size: 20px; line-height: 1.3; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #eceef1; }
    h3 { font-size: 16px; margin: 24px 0 8px; }
    p { margin: 0 0 12px; max-width: 75ch; }
    .note { font-size: 13px; color: #5f6368; }
    .findings { background: #eef5fb; border-left: 4px solid #0072B2; border-radius: 4px; padding: 12px 18px 12px 16px; margin: 16px 0 24px; }
    .findings h2 { font-size: 16px; border: 0; margin: 0 0 6px; padding: 0; }
    .findings ul { margin: 0; padding-left: 20px; }
    .findings li { margin: 3px 0; }
    .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0 20px; }
    .card { flex: 1 1 170px; border: 1px solid #e3e5e8; border-radius: 6px; padding: 10px 14px; background: #fafbfc; }
    .card .label { font-size: 12px; color: #5f6368; text-transform: uppercase; letter-spacing: 0.04em; }
    .card .value { font-size: 24px; font-weight: 650; line-height: 1.3; font-variant-numeric: tabular-nums; }
    .card .detail { font-size: 13px; color: #5f6368; }
    .table-wrap { overflow-x: auto; margin: 8px 0 20px; }
    table { border-collapse: collapse; font-size: 14px; font-variant-numeric: tabular-nums; }
    caption { caption-side: top; text-align: left; color: #5f6368; font-size: 13px; padding-bottom: 6px; }
    th, td { padding: 5px 12px; border-bottom: 1px solid #eceef1; text-align: left; vertical-align: top; }
    th { border-bottom: 2px solid #d0d4d9; font-weight: 600; white-space: nowrap; }
    td.num, th.num { text-align: right; white-space: nowrap; }
    tbody tr:nth-child(even) { background: #fafbfc; }
    figure { margin: 16px 0 28px; }
    figure svg { display: block; width: 100%; max-width: 100%; height: auto; }
    figcaption { font-size: 13px; color: #5f6368; margin-top: 6px; }
    footer { margin-top: 40px; padding-top: 10px; border-top: 1px solid #eceef1; font-size: 12px; color: #8a8f98; }
    @media print {
      body { background: #ffffff; font-size: 11pt; }
      main { max-width: none; padding: 0; min-height: 0; }
      figure, table, .card, .findings { break-inside: avoid; }
      h2, h3 { break-after: avoid; }
    }
    """
}
