//===--- ScriptRunner.cpp - Walking the commands of one .wast script ------===//
//
/// \file
/// One command is one assertion. Modules are always decoded and validated
/// here, never by the engine, so decoding and validation results do not
/// depend on which engine runs. A module that fails to load leaves the
/// engine untouched; commands that would run it are then skipped rather
/// than blamed on whatever instance the engine last had. A module the
/// engine refuses as Unsupported (SIMD on an engine without it) is a skip,
/// not a failure, and so is every command that would run it; the skip
/// reason is the engine's message ("interp: SIMD not supported yet").
//
//===----------------------------------------------------------------------===//
#include "ScriptRunner.h"

#include "ModuleChecks.h"
#include "SpecValues.h"

#include "text/ModuleFile.h"

#include "wabt/cast.h"
#include "wabt/error.h"
#include "wabt/feature.h"
#include "wabt/ir.h"
#include "wabt/wast-lexer.h"
#include "wabt/wast-parser.h"

#include <map>

namespace wasmc::spectest {

namespace {

const char *const NeedsEngine = "execution: needs an engine";
const char *const ModuleNotLoaded = "execution: its module failed to load";

const char *commandName(wabt::CommandType T) {
  switch (T) {
  case wabt::CommandType::Module:
  case wabt::CommandType::ScriptModule: return "module";
  case wabt::CommandType::Action: return "action";
  case wabt::CommandType::Register: return "register";
  case wabt::CommandType::AssertMalformed: return "assert_malformed";
  case wabt::CommandType::AssertInvalid: return "assert_invalid";
  case wabt::CommandType::AssertUnlinkable: return "assert_unlinkable";
  // `assert_trap` on a module: its instantiation traps.
  case wabt::CommandType::AssertUninstantiable: return "assert_trap";
  case wabt::CommandType::AssertReturn: return "assert_return";
  case wabt::CommandType::AssertTrap: return "assert_trap";
  case wabt::CommandType::AssertExhaustion: return "assert_exhaustion";
  case wabt::CommandType::AssertException: return "assert_exception";
  }
  return "command";
}

template <typename T> const T &as(const wabt::Command &C) {
  return *wabt::cast<T>(&C);
}

int commandLine(const wabt::Command &C) {
  using wabt::CommandType;
  switch (C.type) {
  case CommandType::Module: return as<wabt::ModuleCommand>(C).module.loc.line;
  case CommandType::ScriptModule:
    return as<wabt::ScriptModuleCommand>(C).script_module->location().line;
  case CommandType::Action: return as<wabt::ActionCommand>(C).action->loc.line;
  case CommandType::Register: return as<wabt::RegisterCommand>(C).var.loc.line;
  case CommandType::AssertMalformed:
    return as<wabt::AssertMalformedCommand>(C).module->location().line;
  case CommandType::AssertInvalid:
    return as<wabt::AssertInvalidCommand>(C).module->location().line;
  case CommandType::AssertUnlinkable:
    return as<wabt::AssertUnlinkableCommand>(C).module->location().line;
  case CommandType::AssertUninstantiable:
    return as<wabt::AssertUninstantiableCommand>(C).module->location().line;
  case CommandType::AssertReturn:
    return as<wabt::AssertReturnCommand>(C).action->loc.line;
  case CommandType::AssertTrap:
    return as<wabt::AssertTrapCommand>(C).action->loc.line;
  case CommandType::AssertExhaustion:
    return as<wabt::AssertExhaustionCommand>(C).action->loc.line;
  case CommandType::AssertException:
    return as<wabt::AssertExceptionCommand>(C).action->loc.line;
  }
  return 0;
}

/// The name a module command binds ("$M"), or "" for none.
std::string boundName(const wabt::Command &C) {
  if (C.type == wabt::CommandType::Module)
    return as<wabt::ModuleCommand>(C).module.name;
  return as<wabt::ScriptModuleCommand>(C).module.name;
}

std::string varName(const wabt::Var &V) { return V.is_name() ? V.name() : ""; }

std::string formatResults(const std::vector<Value> &Values) {
  std::string S = "(";
  for (size_t I = 0; I < Values.size(); ++I)
    S += (I ? " " : "") + formatValue(Values[I]);
  return S + ")";
}

/// Empty if Got satisfies the expectation, else "expected ..., got ...".
std::string compareResults(const wabt::Expectation &Exp,
                           const std::vector<Value> &Got) {
  std::string Want;
  if (Exp.type() == wabt::ExpectationType::Either) {
    // Each alternative is one complete single-value result.
    for (const wabt::Const &C : Exp.expected) {
      ExpectedValue E = toExpected(C);
      if (Got.size() == 1 && matches(E, Got[0]))
        return "";
      Want += (Want.empty() ? "either " : " or ") + formatExpected(E);
    }
    return "expected " + Want + ", got " + formatResults(Got);
  }
  bool Ok = Exp.expected.size() == Got.size();
  for (size_t I = 0; I < Exp.expected.size(); ++I) {
    ExpectedValue E = toExpected(Exp.expected[I]);
    Ok = Ok && matches(E, Got[I]);
    Want += (I ? " " : "") + formatExpected(E);
  }
  return Ok ? "" : "expected (" + Want + "), got " + formatResults(Got);
}

class ScriptRunner {
public:
  ScriptRunner(Engine *E, Report &R) : E(E), R(R) {}

  void runCommand(const wabt::Command &C);

private:
  void runModule(const wabt::Command &C, ModuleBinary Binary);
  void runModuleAssertion(const wabt::ScriptModule &SM, const std::string &Text,
                          Expectation Expect);
  void runInstantiationAssertion(const wabt::ScriptModule &SM,
                                 const std::string &Text, bool ExpectTrap);
  void runRegister(const wabt::RegisterCommand &C);
  /// Runs the action and returns its outcome, or counts a skip or failure
  /// and returns nothing.
  std::optional<Outcome> runAction(const wabt::Action &A);
  void judgeOutcome(const wabt::Command &C, const Outcome &O);

  /// Why commands on module Name (the current one if empty) are skipped,
  /// or empty if it loaded.
  std::string skipReason(const std::string &Name) const {
    if (Name.empty())
      return CurrentSkip;
    auto It = NotLoaded.find(Name);
    return It == NotLoaded.end() ? "" : It->second;
  }
  /// Records that module Name became current: loaded if Why is empty,
  /// else not loaded for that reason.
  void noteLoaded(const std::string &Name, const std::string &Why);

  Engine *E;
  Report &R;
  // What the current command is, for failure lines.
  int Line = 0;
  const char *Command = "";
  std::string CurrentSkip;
  std::map<std::string, std::string> NotLoaded;
};

void ScriptRunner::noteLoaded(const std::string &Name, const std::string &Why) {
  CurrentSkip = Why;
  if (Name.empty())
    return;
  if (Why.empty())
    NotLoaded.erase(Name);
  else
    NotLoaded[Name] = Why;
}

void ScriptRunner::runCommand(const wabt::Command &C) {
  Line = commandLine(C);
  Command = commandName(C.type);
  using wabt::CommandType;
  switch (C.type) {
  case CommandType::Module:
    return runModule(C, binaryOf(as<wabt::ModuleCommand>(C).module));
  case CommandType::ScriptModule:
    return runModule(C,
                     binaryOf(*as<wabt::ScriptModuleCommand>(C).script_module));
  case CommandType::AssertMalformed: {
    auto &A = as<wabt::AssertMalformedCommand>(C);
    return runModuleAssertion(*A.module, A.text, Expectation::Malformed);
  }
  case CommandType::AssertInvalid: {
    auto &A = as<wabt::AssertInvalidCommand>(C);
    return runModuleAssertion(*A.module, A.text, Expectation::Invalid);
  }
  case CommandType::AssertUnlinkable: {
    auto &A = as<wabt::AssertUnlinkableCommand>(C);
    return runInstantiationAssertion(*A.module, A.text, /*ExpectTrap=*/false);
  }
  case CommandType::AssertUninstantiable: {
    auto &A = as<wabt::AssertUninstantiableCommand>(C);
    return runInstantiationAssertion(*A.module, A.text, /*ExpectTrap=*/true);
  }
  case CommandType::Register:
    return runRegister(as<wabt::RegisterCommand>(C));
  case CommandType::AssertException:
    // Exceptions are a post-2.0 proposal; no top-level script uses them.
    return R.skip("assert_exception: not part of Wasm 2.0");
  case CommandType::Action:
  case CommandType::AssertReturn:
  case CommandType::AssertTrap:
  case CommandType::AssertExhaustion: {
    if (!E)
      return R.skip(NeedsEngine);
    const wabt::Action *A = nullptr;
    if (C.type == CommandType::Action)
      A = as<wabt::ActionCommand>(C).action.get();
    else if (C.type == CommandType::AssertReturn)
      A = as<wabt::AssertReturnCommand>(C).action.get();
    else if (C.type == CommandType::AssertTrap)
      A = as<wabt::AssertTrapCommand>(C).action.get();
    else
      A = as<wabt::AssertExhaustionCommand>(C).action.get();
    if (std::optional<Outcome> O = runAction(*A))
      judgeOutcome(C, *O);
    return;
  }
  }
}

void ScriptRunner::runModule(const wabt::Command &C, ModuleBinary Binary) {
  std::string Name = boundName(C);
  Verdict V = checkModule(std::move(Binary), Expectation::Valid);
  if (!V.Passed) {
    noteLoaded(Name, ModuleNotLoaded);
    return R.fail(Line, Command, V.Kind, V.Detail);
  }
  if (!E)
    return R.pass();
  Result<Outcome> O = E->instantiate(*V.Module, Name);
  if (!O && O.error().Kind == ErrorKind::Unsupported) {
    noteLoaded(Name, O.error().Message);
    return R.skip(O.error().Message);
  }
  if (!O) {
    noteLoaded(Name, ModuleNotLoaded);
    return R.fail(Line, Command,
                  std::string("module should instantiate, got ") +
                      errorKindName(O.error().Kind),
                  withoutKind(O.error()));
  }
  if (O->K != Outcome::Kind::Returned) {
    noteLoaded(Name, ModuleNotLoaded);
    return R.fail(Line, Command, "module should instantiate, got trap",
                  O->Message);
  }
  noteLoaded(Name, "");
  R.pass();
}

void ScriptRunner::runModuleAssertion(const wabt::ScriptModule &SM,
                                      const std::string &Text,
                                      Expectation Expect) {
  Verdict V = checkModule(binaryOf(SM), Expect);
  if (!V.Passed)
    return R.fail(Line, Command, V.Kind, V.Detail);
  if (!V.OurMessage.empty() && V.OurMessage.find(Text) == std::string::npos)
    R.messageMismatch(Line, Command, Text, V.Detail);
  R.pass();
}

void ScriptRunner::runInstantiationAssertion(const wabt::ScriptModule &SM,
                                             const std::string &Text,
                                             bool ExpectTrap) {
  if (!E)
    return R.skip(NeedsEngine);
  Verdict V = checkModule(binaryOf(SM), Expectation::Valid);
  if (!V.Passed)
    return R.fail(Line, Command, V.Kind, V.Detail);
  Result<Outcome> O = E->instantiate(*V.Module, "");
  if (!O && O.error().Kind == ErrorKind::Unsupported)
    return R.skip(O.error().Message);
  if (!ExpectTrap) {
    if (!O && O.error().Kind == ErrorKind::Unlinkable)
      return R.pass();
    return R.fail(Line, Command,
                  std::string("expected unlinkable, got ") +
                      (O ? (O->K == Outcome::Kind::Returned ? "instance"
                                                            : "trap")
                         : errorKindName(O.error().Kind)),
                  O ? O->Message : withoutKind(O.error()));
  }
  if (!O)
    return R.fail(Line, Command,
                  std::string("expected trap, got ") +
                      errorKindName(O.error().Kind),
                  withoutKind(O.error()));
  if (O->K != Outcome::Kind::Trapped)
    return R.fail(Line, Command, "expected trap, got instance", "");
  if (O->Message.find(Text) == std::string::npos)
    return R.fail(Line, Command, "wrong trap message",
                  "expected \"" + Text + "\", got \"" + O->Message + "\"");
  R.pass();
}

void ScriptRunner::runRegister(const wabt::RegisterCommand &C) {
  if (!E)
    return R.skip(NeedsEngine);
  std::string Name = varName(C.var);
  if (std::string Why = skipReason(Name); !Why.empty())
    return R.skip(Why);
  Status S = E->registerInstance(Name, C.module_name);
  if (!S)
    return R.fail(Line, Command, "register failed", S.error().str());
  R.pass();
}

std::optional<Outcome> ScriptRunner::runAction(const wabt::Action &A) {
  std::string Name = varName(A.module_var);
  if (std::string Why = skipReason(Name); !Why.empty()) {
    R.skip(Why);
    return std::nullopt;
  }
  std::vector<Value> Args;
  if (auto *Invoke = wabt::dyn_cast<wabt::InvokeAction>(&A)) {
    for (const wabt::Const &C : Invoke->args) {
      std::string Why;
      if (!toValue(C, Args.emplace_back(), Why)) {
        R.fail(Line, Command, "unsupported argument", Why);
        return std::nullopt;
      }
    }
  }
  Result<Outcome> O = wabt::isa<wabt::InvokeAction>(&A)
                          ? E->invoke(Name, A.name, Args)
                          : E->get(Name, A.name);
  if (!O && O.error().Kind == ErrorKind::Unsupported) {
    R.skip(O.error().Message);
    return std::nullopt;
  }
  if (!O) {
    R.fail(Line, Command,
           std::string("action failed: ") + errorKindName(O.error().Kind),
           withoutKind(O.error()));
    return std::nullopt;
  }
  return O.take();
}

void ScriptRunner::judgeOutcome(const wabt::Command &C, const Outcome &O) {
  using Kind = Outcome::Kind;
  const char *Got = O.K == Kind::Returned  ? "return"
                    : O.K == Kind::Trapped ? "trap"
                                           : "exhaustion";
  std::string GotDetail =
      O.K == Kind::Returned ? formatResults(O.Results) : O.Message;
  switch (C.type) {
  case wabt::CommandType::AssertReturn: {
    if (O.K != Kind::Returned)
      return R.fail(Line, Command, std::string("expected return, got ") + Got,
                    GotDetail);
    std::string Mismatch =
        compareResults(*as<wabt::AssertReturnCommand>(C).expected, O.Results);
    if (!Mismatch.empty())
      return R.fail(Line, Command, "wrong result", Mismatch);
    return R.pass();
  }
  case wabt::CommandType::AssertTrap: {
    if (O.K != Kind::Trapped)
      return R.fail(Line, Command, std::string("expected trap, got ") + Got,
                    GotDetail);
    const std::string &Text = as<wabt::AssertTrapCommand>(C).text;
    if (O.Message.find(Text) == std::string::npos)
      return R.fail(Line, Command, "wrong trap message",
                    "expected \"" + Text + "\", got \"" + O.Message + "\"");
    return R.pass();
  }
  case wabt::CommandType::AssertExhaustion:
    if (O.K != Kind::Exhausted)
      return R.fail(Line, Command,
                    std::string("expected exhaustion, got ") + Got, GotDetail);
    return R.pass();
  default:
    if (O.K != Kind::Returned)
      return R.fail(Line, Command, std::string("action ended in ") + Got,
                    GotDetail);
    return R.pass();
  }
}

std::string baseName(const std::string &Path) {
  size_t Slash = Path.find_last_of('/');
  return Slash == std::string::npos ? Path : Path.substr(Slash + 1);
}

} // namespace

void runScriptFile(const std::string &Path, Engine *E, Report &R) {
  R.beginFile(baseName(Path));
  if (E)
    E->reset();
  Result<std::vector<uint8_t>> Source = readFileBytes(Path);
  if (!Source) {
    R.fail(0, "script", "cannot read script", Source.error().str());
    return R.endFile();
  }

  wabt::Errors Errors;
  std::unique_ptr<wabt::WastLexer> Lexer = wabt::WastLexer::CreateBufferLexer(
      Path, Source->data(), Source->size(), &Errors);
  // wabt's default features are exactly Wasm 2.0's.
  wabt::WastParseOptions Options{wabt::Features()};
  std::unique_ptr<wabt::Script> Script;
  if (wabt::Failed(wabt::ParseWastScript(Lexer.get(), &Script, &Errors,
                                         &Options))) {
    int Line = Errors.empty() ? 0 : Errors.front().loc.line;
    std::string Message =
        Errors.empty() ? "parse failed" : Errors.front().message;
    R.fail(Line, "script", "wabt: cannot parse script", Message);
    return R.endFile();
  }

  ScriptRunner Runner(E, R);
  for (const std::unique_ptr<wabt::Command> &C : Script->commands)
    Runner.runCommand(*C);
  R.endFile();
}

} // namespace wasmc::spectest
