package org.bashgah.reports.internal.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads an XLSX back as text cells, sheet by sheet, with nothing but the JDK (as a spreadsheet program would). */
final class Xlsx {
    private Xlsx() {
    }

    static Map<String, List<List<String>>> read(byte[] xlsx) throws Exception {
        Path file = Files.createTempFile("read", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                List<String> shared = new ArrayList<>();
                ZipEntry strings = zip.getEntry("xl/sharedStrings.xml");
                if (strings != null) {
                    NodeList si = parse(zip, strings).getElementsByTagName("si");
                    for (int i = 0; i < si.getLength(); i++) shared.add(si.item(i).getTextContent());
                }
                Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
                NodeList names = parse(zip, zip.getEntry("xl/workbook.xml")).getElementsByTagName("sheet");
                for (int s = 0; s < names.getLength(); s++) {
                    String name = ((Element) names.item(s)).getAttribute("name");
                    Document sheet = parse(zip, zip.getEntry("xl/worksheets/sheet" + (s + 1) + ".xml"));
                    List<List<String>> rows = new ArrayList<>();
                    NodeList rowNodes = sheet.getElementsByTagName("row");
                    for (int r = 0; r < rowNodes.getLength(); r++) {
                        List<String> cells = new ArrayList<>();
                        NodeList cs = ((Element) rowNodes.item(r)).getElementsByTagName("c");
                        for (int c = 0; c < cs.getLength(); c++) {
                            Element cell = (Element) cs.item(c);
                            int column = column(cell.getAttribute("r"));
                            while (cells.size() < column) cells.add("");
                            String type = cell.getAttribute("t");
                            String text = cell.getTextContent();
                            cells.add(type.equals("s") ? shared.get(Integer.parseInt(text)) : text);
                        }
                        rows.add(cells);
                    }
                    sheets.put(name, rows);
                }
                return sheets;
            }
        } finally {
            Files.delete(file);
        }
    }

    /** A1 is column 0, C7 column 2. */
    private static int column(String ref) {
        int n = 0;
        for (char ch : ref.toCharArray()) {
            if (!Character.isLetter(ch)) break;
            n = n * 26 + (ch - 'A' + 1);
        }
        return n - 1;
    }

    private static Document parse(ZipFile zip, ZipEntry entry) throws Exception {
        try (var in = zip.getInputStream(entry)) {
            byte[] bytes = in.readAllBytes();
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw e;
        }
    }
}
