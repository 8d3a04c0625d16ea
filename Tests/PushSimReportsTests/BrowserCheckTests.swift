import Foundation
import XCTest

/// Issue 16: every `Results/**/report.html` opened in a real browser (headless Chromium,
/// which `.ci/run` installs from Debian's packages) at 900 px: no horizontal overflow (a
/// table may scroll inside its frame, the page may not), no text boxes that overlap inside
/// a chart, a title in every SVG, and no console errors. Skipped, with a message, where no
/// Chromium is installed.
final class BrowserCheckTests: XCTestCase {
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.path + "/Package.swift") { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }()

    static var chromium: String? {
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for folder in ["/usr/bin", "/usr/local/bin", "/snap/bin"] where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    /// Installed first in the page, so it sees every error; the verdict is written into the
    /// DOM, which `--dump-dom` prints.
    static let collector = """
    <script>window.__errors = []; window.addEventListener('error', e => window.__errors.push(String(e.message)));
    const __error = console.error; console.error = (...a) => { window.__errors.push(a.join(' ')); __error(...a); };</script>
    """

    static let checker = #"""
    <script>
    window.addEventListener('load', () => {
      const problems = [];
      const width = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth > width + 1)
        problems.push('page overflows horizontally: ' + document.documentElement.scrollWidth + ' > ' + width + ' px');
      // Any element wider than the page, unless it sits in a frame that scrolls.
      for (const el of document.querySelectorAll('main *')) {
        const r = el.getBoundingClientRect();
        if (r.right <= width + 1) continue;
        let framed = false;
        for (let p = el.parentElement; p; p = p.parentElement) {
          const o = getComputedStyle(p).overflowX;
          if (o === 'auto' || o === 'scroll' || o === 'hidden') { framed = p.getBoundingClientRect().right <= width + 1; break; }
        }
        if (!framed) { problems.push('<' + el.tagName.toLowerCase() + '> ends at ' + Math.round(r.right) + ' px, past ' + width + ' px'); break; }
      }
      document.querySelectorAll('svg').forEach((svg, i) => {
        const title = svg.querySelector(':scope > title');
        if (!title || !title.textContent.trim()) problems.push('svg ' + i + ' has no <title>');
        const boxes = Array.from(svg.querySelectorAll('text')).filter(t => t.textContent.trim())
          .map(t => ({ t: t.textContent.trim(), r: t.getBoundingClientRect() })).filter(b => b.r.width > 0);
        for (let a = 0; a < boxes.length; a++) for (let b = a + 1; b < boxes.length; b++) {
          const p = boxes[a].r, q = boxes[b].r;
          const dx = Math.min(p.right, q.right) - Math.max(p.left, q.left), dy = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
          if (dx > 1 && dy > 1) problems.push('svg ' + i + ' ("' + (title ? title.textContent.trim() : '') + '"): "' + boxes[a].t + '" overlaps "' + boxes[b].t + '"');
        }
      });
      for (const e of window.__errors) problems.push('console error: ' + e);
      const out = document.createElement('pre');
      out.id = 'browser-verdict';
      out.textContent = JSON.stringify(problems);
      document.body.appendChild(out);
    });
    </script>
    """#

    /// The problems Chromium finds in `page`, at `width` px.
    static func problems(in page: String, chromium: String, width: Int = 900) throws -> [String] {
        var html = try String(contentsOfFile: page, encoding: .utf8)
        guard let head = html.range(of: "<head>"), let body = html.range(of: "</body>", options: .backwards) else {
            return ["no <head> or </body>"]
        }
        html.replaceSubrange(body, with: checker + "</body>")
        html.replaceSubrange(head, with: "<head>" + collector)
        let folder = NSTemporaryDirectory() + "browser-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let copy = folder + "/page.html"
        try html.write(toFile: copy, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-dev-shm-usage",
                             "--user-data-dir=\(folder)/profile", "--window-size=\(width),2000", "--virtual-time-budget=5000",
                             "--dump-dom", URL(fileURLWithPath: copy).absoluteString]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let dom = String(decoding: data, as: UTF8.self)
        guard let start = dom.range(of: "<pre id=\"browser-verdict\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
            return ["no verdict from Chromium (exit \(process.terminationStatus))"]
        }
        let json = String(dom[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        return try JSONDecoder().decode([String].self, from: Data(json.utf8))
    }

    func testEveryReportReadsWellInABrowser() throws {
        guard let chromium = Self.chromium else {
            throw XCTSkip("no Chromium installed (Debian: apt-get install chromium; .ci/run does it): the browser check is skipped")
        }
        let results = Self.repositoryRoot + "/Results"
        let pages = (FileManager.default.enumerator(atPath: results)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix("report.html") }.sorted()
        XCTAssertGreaterThanOrEqual(pages.count, 2, "the checked-in example reports")
        for page in pages {
            let problems = try Self.problems(in: results + "/" + page, chromium: chromium)
            XCTAssertEqual(problems, [], "Results/\(page)")
        }
    }

    /// The checker itself finds what it looks for (it would pass everything if broken).
    func testTheCheckerFindsOverflowOverlapsMissingTitlesAndErrors() throws {
        guard let chromium = Self.chromium else { throw XCTSkip("no Chromium installed: the browser check is skipped") }
        let folder = NSTemporaryDirectory() + "browser-bad-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bad = folder + "/bad.html"
        try """
        <!DOCTYPE html><html><head><title>bad</title></head><body><main>
        <table style="width:1400px"><tr><td>wide</td></tr></table>
        <svg width="300" height="100"><text x="10" y="50">first label</text><text x="14" y="52">second label</text></svg>
        <script>console.error('boom')</script>
        </main></body></html>
        """.write(toFile: bad, atomically: true, encoding: .utf8)
        let problems = try Self.problems(in: bad, chromium: chromium)
        XCTAssertTrue(problems.contains { $0.hasPrefix("page overflows horizontally") }, "\(problems)")
        XCTAssertTrue(problems.contains("svg 0 has no <title>"), "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("\"first label\" overlaps \"second label\"") }, "\(problems)")
        XCTAssertTrue(problems.contains("console error: boom"), "\(problems)")
    }
}
