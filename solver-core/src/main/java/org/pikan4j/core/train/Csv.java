package org.pikan4j.core.train;

import java.util.List;

/** RFC 4180 CSV lines: cells with a comma, quote or line break are quoted, quotes doubled. */
final class Csv {

    private Csv() {
    }

    static String line(List<String> cells) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(cell(cells.get(i)));
        }
        return s.append('\n').toString();
    }

    static String cell(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
