//! `casebook handover --out PATH --rest anonymise|delete [--yes]`: the end of
//! a term. People who consented to sharing on every case of theirs are
//! exported for the successor (a casebook JSON export that loads into a new
//! diary with `casebook import`; confidential entries left out). Then no one's
//! personal data stays behind: the handed-over people are anonymised
//! (statistics kept), and the rest anonymised or deleted outright as `--rest`
//! says. Without `--yes` it only says what would happen.

use std::io::Write;
use std::process::ExitCode;

use super::{Env, HandoverArgs, RestChoice, stdout_error};
use crate::Result;
use crate::store::{AuditAction, RestAction};

pub fn run(env: &Env, args: &HandoverArgs, out: &mut dyn Write) -> Result<ExitCode> {
    // A refused --out changes nothing: checked before anything else.
    crate::files::check_output(&args.out, &env.protected())?;
    let mut store = super::erase::open_for_erasure(env)?;
    let plan = store.handover_plan()?;
    let rest = match args.rest {
        RestChoice::Anonymise => RestAction::Anonymise,
        RestChoice::Delete => RestAction::Delete,
    };
    let doc = store.handover_export(&plan.consenting)?;
    let t = &env.i18n;
    let rest_id = match rest {
        RestAction::Anonymise => "handover-rest-anonymise",
        RestAction::Delete => "handover-rest-delete",
    };
    let summary = format!(
        "{}\n{}",
        t.tr(
            "handover-summary",
            Some(&crate::i18n::args(&[
                ("consenting", plan.consenting.len().into()),
                ("cases", doc.cases.len().into()),
                ("path", args.out.display().to_string().into()),
            ])),
        ),
        t.tr1(rest_id, "count", plan.rest.len())
    );
    if !args.yes {
        writeln!(out, "{summary}\n{}", t.tr("handover-nothing-changed", None))
            .map_err(stdout_error)?;
        return Ok(ExitCode::SUCCESS);
    }
    // The successor's file is written first: if that fails (no passphrase
    // for it either), nothing is erased. From an encrypted diary it is an age
    // file unless --plain; `casebook import` reads it either way.
    super::seal::Sealer::new(&env.i18n, store.key().is_some(), &args.seal, &args.out)?.write(
        env,
        out,
        &args.out,
        &doc.to_bytes()?,
    )?;
    store.record_audit("diary", None, AuditAction::Export)?;
    let done = store.apply_handover(&plan, rest)?;
    writeln!(out, "{summary}").map_err(stdout_error)?;
    super::erase::report(env, &done, out)?;
    super::erase::backup_after(env, &store);
    Ok(ExitCode::SUCCESS)
}
