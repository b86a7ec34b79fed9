# Type stub for the `paiban` extension module (converter/python/module.cpp).
import os
from typing import List, Optional, Tuple, Union

__version__: str

class Error(Exception):
    """paiban's error: the message and hint the `paiban` command prints, and where in the input."""
    message: str
    hint: str
    where: str  # "file:line:column: <element>", the parts known; "" when nothing is

class Block:
    kind: str  # "headline", "subtitle", "byline", "section", "heading", "p", "box", "caption", "figure", "credit"
    text: str
    lines: List[str]
    image: str  # a figure's picture file, as the XML names it ("" for other blocks)
    columns: int  # the columns a figure spans (0: one)
    src: Tuple[int, int]
    bbox: Optional[Tuple[int, int, int, int]]
    children: List["Block"]

class Document:
    lang: str
    source: str
    date: str
    is_pages: bool
    blocks: List[Block]
    articles: List["Document"]
    def to_xml(self) -> str: ...
    def text(self, width: Optional[int] = None, spacing: str = "none") -> str: ...
    def __eq__(self, other: object) -> bool: ...

class Typesetter:
    def __init__(self, style: str = "broadsheet") -> None: ...
    def pdf(self, doc: Document) -> bytes: ...

def reflow(data: Union[bytes, str, os.PathLike], encoding: Optional[str] = None) -> Document: ...
def read_xml(data: Union[bytes, str, os.PathLike]) -> Document: ...
def typeset(doc: Document, style: str = "broadsheet") -> bytes: ...
