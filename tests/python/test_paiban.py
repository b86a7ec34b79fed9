# The Python module (converter/python/module.cpp), run by ctest as python3 -m pytest tests/python
# with PYTHONPATH at the built module.
import concurrent.futures
import pathlib

import pytest

import paiban

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "input" / "lvliang-cppcc-2024.txt"
GOLDEN_XML = ROOT / "tests" / "data" / "golden" / "lvliang-cppcc-2024.xml"
PAGE = ROOT / "tests" / "data" / "xml" / "page.xml"


def test_reflow_bytes_path_and_str_agree():
    from_path = paiban.reflow(SAMPLE)
    from_bytes = paiban.reflow(SAMPLE.read_bytes())
    from_str = paiban.reflow(SAMPLE.read_text(encoding="utf-8"))
    assert from_bytes == from_str
    assert from_path.blocks[0].text == from_bytes.blocks[0].text == "为建设美丽幸福吕梁广泛凝心聚力"


def test_xml_is_the_commands():
    doc = paiban.reflow(SAMPLE)
    assert doc.to_xml() == GOLDEN_XML.read_text(encoding="utf-8")
    assert paiban.read_xml(GOLDEN_XML) == doc
    assert paiban.read_xml(doc.to_xml()) == doc


def test_blocks():
    doc = paiban.read_xml(GOLDEN_XML)
    kinds = [b.kind for b in doc.blocks]
    assert kinds[:3] == ["headline", "subtitle", "byline"]
    section = next(b for b in doc.blocks if b.kind == "section")
    assert section.children[0].kind == "heading"
    assert section.children[0].lines == ["坚持党的全面领导", "把准方向重落实"]
    assert doc.blocks[0].src[0] >= 1 and doc.blocks[0].bbox is None


def test_page_articles_and_bbox():
    doc = paiban.read_xml(PAGE)
    assert doc.is_pages and len(doc.articles) == 2
    assert doc.articles[0].blocks[0].bbox == (200, 230, 1620, 400)


def test_text():
    doc = paiban.read_xml(GOLDEN_XML)
    assert doc.text().splitlines()[0] == "为建设美丽幸福吕梁广泛凝心聚力"
    lines = doc.text(width=24).splitlines()
    assert len(lines) > len(doc.text().splitlines()) and all(len(line) <= 24 for line in lines)
    with pytest.raises(paiban.Error) as e:
        doc.text(spacing="wide")
    assert "none" in e.value.hint


def test_typeset():
    pdf = paiban.typeset(paiban.read_xml(PAGE), style="report")
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")


def test_bad_bytes_error_like_the_command():
    with pytest.raises(paiban.Error) as e:
        paiban.reflow(b"\xff\xfe\x00\xd8 broken", encoding="UTF-8")
    assert e.value.message and e.value.hint
    assert str(e.value) == e.value.message


def test_bad_xml_error_has_where():
    with pytest.raises(paiban.Error) as e:
        paiban.read_xml('<article lang="zh-Hans"><p>x</article>')
    assert ":1:" in e.value.where and e.value.hint


def test_missing_style_and_missing_file():
    doc = paiban.read_xml(GOLDEN_XML)
    with pytest.raises(paiban.Error) as e:
        paiban.typeset(doc, style="no-such-style")
    assert "no-such-style" in e.value.message and e.value.hint
    with pytest.raises(paiban.Error):
        paiban.reflow(pathlib.Path("/nonexistent/article.txt"))


def test_style_with_a_missing_font(tmp_path):
    style = (ROOT / "styles" / "broadsheet.xml").read_text(encoding="utf-8")
    broken = tmp_path / "broken.xml"
    broken.write_text(style.replace("Noto Serif CJK SC", "No Such Font Family"), encoding="utf-8")
    with pytest.raises(paiban.Error) as e:
        paiban.Typesetter(str(broken))
    assert "No Such Font Family" in e.value.message


def test_threads_share_a_typesetter():
    doc = paiban.read_xml(PAGE)
    t = paiban.Typesetter("report")
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        pdfs = list(pool.map(lambda _: t.pdf(doc), range(4)))
    assert all(p.startswith(b"%PDF-") for p in pdfs)


def command_error(*args):
    """The `paiban` command's error and hint lines for ARGS (PAIBAN: the built program)."""
    import os, subprocess
    run = subprocess.run([os.environ["PAIBAN"], *args], capture_output=True, text=True)
    assert run.returncode != 0
    assert run.stderr.startswith("paiban: error: "), run.stderr
    error, hint = run.stderr[len("paiban: error: "):].split("\n  hint: ")
    return error, hint.rstrip("\n")


def module_error(call):
    with pytest.raises(paiban.Error) as e:
        call()
    return e.value.message, e.value.hint


@pytest.mark.parametrize("case", ["bad bytes", "bad xml", "missing style", "missing font"])
def test_errors_read_as_the_commands(case, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\xd8 broken")
    xml = tmp_path / "bad.xml"
    xml.write_text('<article lang="zh-Hans"><p>x</article>', encoding="utf-8")
    style = tmp_path / "nofont.xml"
    style.write_text((ROOT / "styles" / "broadsheet.xml").read_text(encoding="utf-8")
                     .replace("Noto Serif CJK SC", "No Such Font Family"), encoding="utf-8")
    calls = {
        "bad bytes": (lambda: paiban.reflow(bad, encoding="UTF-8"), ["reflow", str(bad), "--encoding", "UTF-8"]),
        "bad xml": (lambda: paiban.read_xml(xml), ["text", str(xml)]),
        "missing style": (lambda: paiban.typeset(paiban.read_xml(GOLDEN_XML), style="no-such-style"),
                          ["typeset", str(GOLDEN_XML), "--style", "no-such-style", "-o", str(tmp_path / "a.pdf")]),
        "missing font": (lambda: paiban.Typesetter(str(style)),
                         ["typeset", str(GOLDEN_XML), "--style", str(style), "-o", str(tmp_path / "b.pdf")]),
    }
    call, args = calls[case]
    assert module_error(call) == command_error(*args)


def test_figure_block():
    doc = paiban.read_xml('<article lang="zh-Hans"><headline>标题</headline><p>正文。</p>'
                          '<figure src="pics/photo.jpg" columns="2"><caption>委员在基层调研。</caption>'
                          '<credit>本报记者 摄</credit></figure></article>')
    figure = doc.blocks[-1]
    assert (figure.kind, figure.image, figure.columns) == ("figure", "pics/photo.jpg", 2)
    assert [c.kind for c in figure.children] == ["caption", "credit"]


def test_unnamed_input_is_called_bytes_in_messages():
    with pytest.raises(paiban.Error) as e:
        paiban.read_xml('<article lang="zh-Hans"><p>x</article>')
    assert e.value.where == "<bytes>:1:31" and str(e.value).startswith("<bytes>:1:31: ")
    with pytest.raises(paiban.Error) as e:
        paiban.reflow(b"\xff\xfe\x00\xd8", encoding="UTF-16LE")
    assert e.value.message.startswith("<bytes>: invalid UTF-16LE")
    assert 'source="' not in paiban.reflow("正文。".encode()).to_xml()
