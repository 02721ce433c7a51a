//! Outlook `.msg` files for tests, written with the `cfb` crate in the
//! layout [MS-OXMSG] gives: one stream a property
//! (`__substg1.0_IIIITTTT`), fixed-size ones in `__properties_version1.0`,
//! recipients and attachments in sub-storages, and an attached message
//! ("Forward as attachment") as a storage `__substg1.0_3701000D` inside its
//! attachment's storage.
//!
//! The message attached is a real Outlook file copied in whole (the fixture
//! `outlook-attachment.msg`), so what is read back is what Outlook wrote.

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

type Cfb = cfb::CompoundFile<Cursor<Vec<u8>>>;

const PT_LONG: u16 = 0x0003;
const PT_UNICODE: u16 = 0x001F;
const PT_BINARY: u16 = 0x0102;

/// The outer message: a council officer forwarding a constituent's email
/// as an attachment, with one file of her own beside it.
pub struct Forward<'a> {
    pub subject: &'a str,
    pub sender_name: &'a str,
    pub sender: &'a str,
    pub to: &'a str,
    pub body: &'a str,
    /// A file attached beside the message: name and bytes.
    pub file: Option<(&'a str, &'a [u8])>,
}

fn write_stream(cf: &mut Cfb, path: &Path, data: &[u8]) {
    let mut s = cf.create_stream(path).expect("create stream");
    s.write_all(data).expect("write stream");
}

fn prop_path(dir: &Path, id: u16, kind: u16) -> PathBuf {
    dir.join(format!("__substg1.0_{id:04X}{kind:04X}"))
}

fn string(cf: &mut Cfb, dir: &Path, id: u16, value: &str) {
    let bytes: Vec<u8> = value.encode_utf16().flat_map(u16::to_le_bytes).collect();
    write_stream(cf, &prop_path(dir, id, PT_UNICODE), &bytes);
}

/// `__properties_version1.0`: `header` bytes, then 16 bytes a fixed
/// property (tag, flags, value).
fn fixed(cf: &mut Cfb, dir: &Path, header: usize, props: &[(u16, u16, u64)]) {
    let mut b = vec![0u8; header];
    for &(id, kind, value) in props {
        b.extend_from_slice(&((u32::from(id) << 16) | u32::from(kind)).to_le_bytes());
        b.extend_from_slice(&6u32.to_le_bytes()); // readable, writable
        b.extend_from_slice(&value.to_le_bytes());
    }
    write_stream(cf, &dir.join("__properties_version1.0"), &b);
}

/// Copies the storage `from` of `src` into `to` of `dst`, whole.
fn copy_tree(src: &mut cfb::CompoundFile<Cursor<&[u8]>>, from: &Path, dst: &mut Cfb, to: &Path) {
    let children: Vec<(String, bool)> = src
        .read_storage(from)
        .expect("read storage")
        .map(|e| (e.name().to_string(), e.is_storage()))
        .collect();
    for (name, is_storage) in children {
        // Named-property mappings live only at the top of a file.
        if from == Path::new("/") && name == "__nameid_version1.0" {
            continue;
        }
        let (s, d) = (from.join(&name), to.join(&name));
        if is_storage {
            dst.create_storage(&d).expect("create storage");
            copy_tree(src, &s, dst, &d);
        } else {
            let mut data = Vec::new();
            src.open_stream(&s)
                .expect("open")
                .read_to_end(&mut data)
                .expect("read");
            // An attached message's header is 24 bytes, the file's 32.
            if from == Path::new("/") && name == "__properties_version1.0" {
                data.drain(24..32);
            }
            write_stream(dst, &d, &data);
        }
    }
}

/// What goes in the attachment's `__substg1.0_3701000D` storage.
pub enum Inner<'a> {
    /// A real `.msg` file, copied in.
    Msg(&'a [u8]),
    /// A damaged one: a storage with properties but no subject, sender or
    /// text.
    Empty,
}

/// The outer message with `inner` attached as a message.
pub fn forward_as_attachment(f: &Forward<'_>, inner: Inner<'_>) -> Vec<u8> {
    let mut cf = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("create");
    let root = Path::new("/");
    let attachments = 1 + u32::from(f.file.is_some());
    let mut header = vec![0u8; 32];
    header[8..12].copy_from_slice(&1u32.to_le_bytes()); // next recipient id
    header[12..16].copy_from_slice(&attachments.to_le_bytes()); // next attachment id
    header[16..20].copy_from_slice(&1u32.to_le_bytes()); // recipients
    header[20..24].copy_from_slice(&attachments.to_le_bytes());
    let mut props = header;
    // PR_MESSAGE_FLAGS: read; PR_CLIENT_SUBMIT_TIME 2026-03-04 10:00 UTC.
    for (id, kind, value) in [
        (0x0E07u16, PT_LONG, 1u64),
        (0x0039, 0x0040, 134_170_920_000_000_000),
    ] {
        props.extend_from_slice(&((u32::from(id) << 16) | u32::from(kind)).to_le_bytes());
        props.extend_from_slice(&6u32.to_le_bytes());
        props.extend_from_slice(&value.to_le_bytes());
    }
    write_stream(&mut cf, &root.join("__properties_version1.0"), &props);
    string(&mut cf, root, 0x001A, "IPM.Note");
    string(&mut cf, root, 0x0037, f.subject);
    string(&mut cf, root, 0x0C1A, f.sender_name);
    string(&mut cf, root, 0x0C1F, f.sender);
    string(&mut cf, root, 0x5D01, f.sender);
    string(&mut cf, root, 0x1000, f.body);

    let recip = root.join("__recip_version1.0_#00000000");
    cf.create_storage(&recip).expect("recipient");
    fixed(&mut cf, &recip, 8, &[(0x0C15, PT_LONG, 1)]);
    string(&mut cf, &recip, 0x3001, f.to);
    string(&mut cf, &recip, 0x39FE, f.to);

    let attach = root.join("__attach_version1.0_#00000000");
    cf.create_storage(&attach).expect("attachment");
    fixed(&mut cf, &attach, 8, &[(0x3705, PT_LONG, 5)]); // afEmbeddedMessage
    string(&mut cf, &attach, 0x3001, "Damp and mould at 4 Heol y Nant");
    let inner_dir = attach.join("__substg1.0_3701000D");
    cf.create_storage(&inner_dir).expect("embedded storage");
    match inner {
        Inner::Msg(bytes) => {
            let mut src = cfb::CompoundFile::open(Cursor::new(bytes)).expect("inner .msg");
            copy_tree(&mut src, root, &mut cf, &inner_dir);
        }
        Inner::Empty => fixed(&mut cf, &inner_dir, 24, &[]),
    }

    if let Some((name, data)) = f.file {
        let file = root.join("__attach_version1.0_#00000001");
        cf.create_storage(&file).expect("attachment");
        fixed(&mut cf, &file, 8, &[(0x3705, PT_LONG, 1)]); // afByValue
        string(&mut cf, &file, 0x3707, name);
        string(&mut cf, &file, 0x370E, "application/pdf");
        write_stream(&mut cf, &prop_path(&file, 0x3701, PT_BINARY), data);
    }
    cf.flush().expect("flush");
    cf.into_inner().into_inner()
}

/// The files attached to a real `.msg`, read straight from its streams
/// (not through casebook): long file name and bytes.
pub fn attachments_of(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut cf = cfb::CompoundFile::open(Cursor::new(bytes)).expect("open .msg");
    let dirs: Vec<PathBuf> = cf
        .read_root_storage()
        .filter(|e| e.is_storage() && e.name().starts_with("__attach_version1.0_"))
        .map(|e| e.path().to_path_buf())
        .collect();
    let mut out = Vec::new();
    for d in dirs {
        let mut name = Vec::new();
        cf.open_stream(prop_path(&d, 0x3707, PT_UNICODE))
            .expect("file name")
            .read_to_end(&mut name)
            .expect("read");
        let units: Vec<u16> = name
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        let name = String::from_utf16_lossy(&units)
            .trim_end_matches('\0')
            .to_string();
        let mut data = Vec::new();
        cf.open_stream(prop_path(&d, 0x3701, PT_BINARY))
            .expect("data")
            .read_to_end(&mut data)
            .expect("read");
        out.push((name, data));
    }
    out
}
