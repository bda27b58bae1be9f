//! `Requires-Python` (PEP 440 specifiers) evaluated against an interpreter's
//! version, enough for the wheels pip ships: `>=3.8`,
//! `>=2.7,!=3.0.*,!=3.1.*`, `~=3.7`, `<4`, `==3.*`.

/// Whether `version` (major, minor, micro) satisfies every clause of `spec`.
/// A clause envreg cannot read makes the answer false: a wheel is only used
/// when it is known to fit.
pub fn satisfied(spec: &str, version: (u32, u32, u32)) -> bool {
    let have = [version.0, version.1, version.2];
    spec.split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .all(|clause| clause_ok(clause, &have).unwrap_or(false))
}

fn clause_ok(clause: &str, have: &[u32; 3]) -> Option<bool> {
    let ops = ["===", "~=", "==", "!=", "<=", ">=", "<", ">"];
    let op = ops.iter().find(|op| clause.starts_with(**op))?;
    let text = clause[op.len()..].trim();
    let (text, wildcard) = match text.strip_suffix(".*") {
        Some(t) => (t, true),
        None => (text, false),
    };
    let want = parse(text)?;
    if wildcard && !matches!(*op, "==" | "!=") {
        return None;
    }
    let cmp = compare(have, &want);
    let prefix_eq = have
        .iter()
        .zip(want.iter().chain(std::iter::repeat(&0)))
        .take(want.len())
        .all(|(a, b)| a == b);
    Some(match *op {
        "==" | "===" if wildcard => prefix_eq,
        "==" | "===" => cmp.is_eq(),
        "!=" if wildcard => !prefix_eq,
        "!=" => !cmp.is_eq(),
        "<=" => cmp.is_le(),
        ">=" => cmp.is_ge(),
        "<" => cmp.is_lt(),
        ">" => cmp.is_gt(),
        // ~=X.Y means >=X.Y and ==X.*; needs at least two parts.
        "~=" => {
            if want.len() < 2 {
                return None;
            }
            let head = &want[..want.len() - 1];
            cmp.is_ge() && have.iter().zip(head).all(|(a, b)| a == b)
        }
        _ => return None,
    })
}

/// `3`, `3.8`, `3.8.1` (pre-release or local suffixes are not understood).
fn parse(text: &str) -> Option<Vec<u32>> {
    let parts: Option<Vec<u32>> = text.split('.').map(|p| p.parse().ok()).collect();
    parts.filter(|p| !p.is_empty())
}

fn compare(have: &[u32; 3], want: &[u32]) -> std::cmp::Ordering {
    let len = want.len().max(3);
    let get = |v: &[u32], i: usize| v.get(i).copied().unwrap_or(0);
    (0..len)
        .map(|i| get(have, i).cmp(&get(want, i)))
        .find(|o| o.is_ne())
        .unwrap_or(std::cmp::Ordering::Equal)
}

/// The `Requires-Python` value of a METADATA file's text, if it has one.
pub fn from_metadata(text: &str) -> Option<String> {
    text.lines().take_while(|l| !l.is_empty()).find_map(|l| {
        let (key, value) = l.split_once(':')?;
        key.trim()
            .eq_ignore_ascii_case("requires-python")
            .then(|| value.trim().to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_specifiers_pip_ships_are_evaluated() {
        let pip19 = ">=2.7,!=3.0.*,!=3.1.*,!=3.2.*,!=3.3.*,!=3.4.*";
        assert!(satisfied(pip19, (2, 7, 18)));
        assert!(satisfied(pip19, (3, 9, 16)));
        assert!(!satisfied(pip19, (3, 4, 10)));
        assert!(!satisfied(pip19, (2, 6, 9)));
        assert!(satisfied(">=3.8", (3, 9, 16)));
        assert!(!satisfied(">=3.8", (3, 7, 16)));
        assert!(satisfied(">=3.8", (3, 8, 0)));
        assert!(satisfied("", (3, 9, 0)), "no constraint");
        assert!(satisfied("~=3.7", (3, 12, 1)));
        assert!(!satisfied("~=3.7", (4, 0, 0)));
        assert!(satisfied("<4, >3.6", (3, 7, 0)));
        assert!(!satisfied("<3.9", (3, 9, 0)));
        assert!(satisfied("==3.*", (3, 1, 0)));
        assert!(!satisfied("==3.9.*", (3, 10, 0)));
        assert!(satisfied("==3.9", (3, 9, 0)));
    }

    #[test]
    fn unreadable_clauses_are_not_satisfied() {
        assert!(!satisfied(">=3.8rc1", (3, 9, 0)));
        assert!(!satisfied(">=3.*", (3, 9, 0)));
        assert!(!satisfied("python>=3", (3, 9, 0)));
        assert!(!satisfied("~=3", (3, 9, 0)));
    }

    #[test]
    fn metadata_header_is_read() {
        let text = "Metadata-Version: 2.1\nName: pip\nVersion: 24.2\n\
                    Requires-Python: >=3.8\n\nRequires-Python: <1 (in the body)\n";
        assert_eq!(from_metadata(text).as_deref(), Some(">=3.8"));
        assert_eq!(from_metadata("Name: x\n"), None);
    }
}
