//===--- TextNesting.cpp - How deeply a text module nests -----------------===//
#include "text/TextNesting.h"

namespace wasmc {

namespace {

bool isIdChar(char C) {
  return (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z') ||
         (C >= '0' && C <= '9') ||
         std::string_view("!#$%&'*+-./:<=>?@\\^_`|~").find(C) !=
             std::string_view::npos;
}

bool opensFlatBlock(std::string_view W) {
  return W == "block" || W == "loop" || W == "if" || W == "try" ||
         W == "try_table";
}

/// A scanner over the text that skips what cannot nest (comments, strings)
/// and keeps the line and column of where it is, for the error.
class Scanner {
public:
  explicit Scanner(std::string_view S) : S(S) {}

  bool done() const { return Pos >= S.size(); }
  char peek(size_t Ahead = 0) const {
    return Pos + Ahead < S.size() ? S[Pos + Ahead] : '\0';
  }
  void advance() {
    if (S[Pos] == '\n') {
      ++Line;
      Col = 1;
    } else {
      ++Col;
    }
    ++Pos;
  }
  void skipLineComment() {
    while (!done() && peek() != '\n')
      advance();
  }
  /// Block comments nest: "(; (; ;) ;)" is one comment.
  void skipBlockComment() {
    size_t Depth = 0;
    while (!done()) {
      if (peek() == '(' && peek(1) == ';') {
        ++Depth;
        advance();
      } else if (peek() == ';' && peek(1) == ')') {
        advance();
        if (--Depth == 0) {
          advance();
          return;
        }
      }
      advance();
    }
  }
  void skipString() {
    advance(); // the opening quote
    while (!done() && peek() != '"') {
      if (peek() == '\\')
        advance();
      if (!done())
        advance();
    }
    if (!done())
      advance();
  }
  std::string_view word() {
    size_t Start = Pos;
    while (!done() && isIdChar(peek()))
      advance();
    return S.substr(Start, Pos - Start);
  }

  std::string_view S;
  size_t Pos = 0;
  uint64_t Line = 1, Col = 1;
};

WasmError tooDeep(const std::string &Filename, uint64_t Line, uint64_t Col,
                  uint32_t Max) {
  return makeError(ErrorKind::Limit, UINT64_MAX,
                   Filename + ":" + std::to_string(Line) + ":" +
                       std::to_string(Col) + ": text nests deeper than " +
                       std::to_string(Max) + " levels");
}

} // namespace

Status checkTextNesting(std::string_view Source, const std::string &Filename,
                        uint32_t Max) {
  Scanner Sc(Source);
  uint64_t Parens = 0, Flat = 0;
  bool AfterParen = false; // the next word is a folded form's keyword
  while (!Sc.done()) {
    char C = Sc.peek();
    if (C == ';' && Sc.peek(1) == ';') {
      Sc.skipLineComment();
    } else if (C == '(' && Sc.peek(1) == ';') {
      Sc.skipBlockComment();
    } else if (C == '"') {
      Sc.skipString();
      AfterParen = false;
    } else if (C == '(' || C == ')') {
      if (C == '(' && Parens + Flat >= Max)
        return tooDeep(Filename, Sc.Line, Sc.Col, Max);
      if (C == '(')
        ++Parens;
      else if (Parens)
        --Parens;
      AfterParen = C == '(';
      Sc.advance();
    } else if (isIdChar(C)) {
      uint64_t Line = Sc.Line, Col = Sc.Col;
      std::string_view W = Sc.word();
      if (!AfterParen && opensFlatBlock(W)) {
        if (Parens + Flat >= Max)
          return tooDeep(Filename, Line, Col, Max);
        ++Flat;
      } else if (W == "end" && Flat) {
        --Flat;
      }
      AfterParen = false;
    } else {
      Sc.advance();
    }
  }
  return Status::success();
}

} // namespace wasmc
