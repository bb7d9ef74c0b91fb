"""Synthetic documents for the application tests: a real PDF with text, a DOCX, a macro DOCX and
other files that the file rules must refuse. Everything is made here, from bytes."""

import io
import zipfile


def pdf(text: str = "Sagsbehandler med erfaring i forvaltning") -> bytes:
    """A one-page PDF showing `text` in Helvetica (WinAnsi, so æøå work), with a correct xref."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 12 Tf 72 720 Td ({escaped}) Tj ET".encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def docx(text: str = "Ansøgning til stillingen", macro: bool = False) -> bytes:
    """A minimal Word document; with `macro`, one that carries a VBA project."""
    main_type = ("application/vnd.ms-word.document.macroEnabled.main+xml" if macro else
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{main_type}"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>')
    document = ('<?xml version="1.0" encoding="UTF-8"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f'<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", document)
        if macro:
            archive.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0" + b"\0" * 512)
    return buffer.getvalue()


def executable() -> bytes:
    """A real program (the system's `true`)."""
    with open("/bin/true", "rb") as program:
        return program.read()


def encrypted_pdf() -> bytes:
    """A PDF whose trailer names an /Encrypt dictionary (RC4, 40 bit)."""
    plain = pdf("Hemmelig")
    encrypt = b"6 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <" + b"00" * 32 + b"> /U <" + b"00" * 32 + \
        b"> /P -44 >>\nendobj\n"
    head, _, _ = plain.partition(b"xref\n")
    return head + encrypt + b"trailer\n<< /Size 7 /Root 1 0 R /Encrypt 6 0 R /ID [<00> <00>] >>\n%%EOF\n"
