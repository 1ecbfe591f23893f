import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { activeCitizen, createTestApp, serviceFixture, type TestApp } from "../helpers/app";
import { kirimPengingat } from "../../server/modules/kunjungan/notify";
import { localDateOf } from "../../server/modules/calendar/working-time";
import { buildClient } from "./build-client";
import { Findings, LIVE, deskContext, hasChromium, launch, logIn, mark, menuLink, phoneContext, rawIdOf, shot, unreloaded } from "./e2e-kit";

/**
 * Office visits in a real browser (issue #16, "a citizen books a verification visit, is reminded, checks in"): the
 * office's ADMIN opens a service for visits in the service editor (a wrong capacity refused by its field); a citizen
 * on a phone books a verification visit step by step, watching the free places of the chosen hour drop live when
 * another citizen books the same hour through the API, and gets the code to show at the counter; the day-before
 * reminder goes out by email with a calendar invitation; at desk width the officer checks a visitor in by the code
 * they show and marks the visit done, and looks at another day read-only.
 *
 * The office is open every day 08.00–16.00, with no holidays, so there are slots whatever day the test runs.
 */

const PESAN = `mutation($input: PesanKunjunganInput!) { pesanKunjungan(input: $input) { __typename ... on PesanKunjunganSuccess { data { kode } } ... on Error { code message } } }`;

describe.skipIf(!hasChromium)("office visits in the browser", () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  let warga: Awaited<ReturnType<typeof activeCitizen>>;
  let lain: Awaited<ReturnType<typeof activeCitizen>>;
  let tamu: Awaited<ReturnType<typeof activeCitizen>>;
  let layananRaw = "";
  let mulai = "";
  let kode = "";
  const f = new Findings();
  const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  async function open(kind: "phone" | "desk", who: string): Promise<Page> {
    const context = kind === "phone" ? await phoneContext(browser) : await deskContext(browser);
    contexts.push(context);
    return f.watch(await context.newPage(), who);
  }

  beforeAll(async () => {
    await buildClient();
    // no mail worker: the queued emails stay in the outbox as written, to be read here
    t = await createTestApp({ mailWorker: false });
    fx = await serviceFixture(t);
    layananRaw = rawIdOf(fx.layanan.id);
    await t.db.prisma.jamLayanan.deleteMany({ where: { instansiId: fx.instansi.id } });
    await t.db.prisma.jamLayanan.createMany({ data: [1, 2, 3, 4, 5, 6, 7].map((hari) => ({ instansiId: fx.instansi.id, hari, buka: 480, tutup: 960 })) });
    await t.db.prisma.instansi.update({ where: { id: fx.instansi.id }, data: { cutiBersamaLibur: false } });
    await t.db.prisma.hariLibur.deleteMany({});
    warga = await activeCitizen(t);
    lain = await activeCitizen(t);
    tamu = await activeCitizen(t);
    await t.db.prisma.user.update({ where: { id: tamu.id }, data: { namaLengkap: "Siti Pengunjung Hari Ini" } });
    base = `http://127.0.0.1:${await t.app.start(0, "127.0.0.1")}`;
    browser = await launch();
  }, 300_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await t?.close();
  });

  it("desk: the admin opens the service for visits; a wrong capacity is refused by its field", async () => {
    const page = await open("desk", "admin 1280");
    await logIn(page, base, fx.admin.nomorIdentitas, /\/admin\/aktivasi$/);
    await page.goto(`${base}/admin/layanan/${layananRaw}`);
    const section = page.getByRole("region", { name: "Kunjungan ke kantor" });
    await section.waitFor();
    await section.getByLabel("Pemohon dapat memesan jadwal kunjungan").check();
    await section.getByLabel("Pemohon per jadwal").fill("0");
    await section.getByLabel("Lama satu jadwal (menit)").fill("60");
    await section.getByRole("button", { name: "Simpan pengaturan kunjungan" }).click();
    await section.getByText("Kapasitas per jadwal 1–100 orang.").first().waitFor();
    expect(await section.getByLabel("Pemohon per jadwal").getAttribute("aria-invalid")).toBe("true");
    await f.audit(page, "/admin/layanan kunjungan salah 1280");
    await section.getByLabel("Pemohon per jadwal").fill("3");
    await section.getByRole("button", { name: "Simpan pengaturan kunjungan" }).click();
    await section.getByText("Pengaturan kunjungan tersimpan.").waitFor();
    const row = await t.db.prisma.layanan.findUniqueOrThrow({ where: { id: layananRaw } });
    expect(row).toMatchObject({ kunjungan: "DITAWARKAN", kunjunganKapasitas: 3, kunjunganMenit: 60 });
    await f.audit(page, "/admin/layanan kunjungan tersimpan 1280");
    await shot(page, "kunjungan-admin");
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  }, 120_000);

  it("phone: a citizen books a verification visit, the free places following live, and gets the code", async () => {
    const page = await open("phone", "warga 390");
    await logIn(page, base, warga.nik, /\/pengajuan$/, warga.password);
    await page.goto(`${base}/layanan/${layananRaw}`);
    await page.getByRole("link", { name: "Pesan jadwal kunjungan" }).click();
    await page.waitForURL(/\/kunjungan\/pesan\?/);
    await page.getByRole("heading", { name: "Apa keperluan kunjungan Anda?" }).waitFor();
    // nothing chosen: told so by the group
    await page.getByRole("button", { name: "Lanjut" }).click();
    await page.getByText("Pilih keperluan kunjungan Anda.").waitFor();
    await f.audit(page, "/kunjungan/pesan tujuan 390");
    await shot(page, "kunjungan-pesan-tujuan");
    await page.getByLabel(/Verifikasi dokumen asli/).check();
    await page.getByRole("button", { name: "Lanjut" }).click();

    await page.getByRole("heading", { name: "Pilih hari kunjungan" }).waitFor();
    const days = page.locator(".kunjungan-hari__pilih");
    await expect.poll(() => days.count(), { timeout: LIVE }).toBe(14);
    expect(await noSideways(page)).toBe(true);
    await f.audit(page, "/kunjungan/pesan hari 390");
    await shot(page, "kunjungan-pesan-hari");
    await days.and(page.locator(":enabled")).first().click();

    await page.getByRole("heading", { name: "Pilih jam kunjungan" }).waitFor();
    const first = page.locator("input[name=mulai]:enabled").first();
    mulai = (await first.getAttribute("value"))!;
    const sisa = page.locator(`.kunjungan-jam__sisa[data-mulai="${mulai}"]`);
    await sisa.filter({ hasText: "sisa 3 dari 3 tempat" }).waitFor();
    await first.check();
    await mark(page);
    // another citizen takes a place of the same hour meanwhile: the page shows it without a reload
    const other = await t.gql(PESAN, { input: { layananId: fx.layanan.id, mulai, tujuan: "KONSULTASI" } }, { token: lain.token });
    expect(other.data!.pesanKunjungan.__typename).toBe("PesanKunjunganSuccess");
    await sisa.filter({ hasText: "sisa 2 dari 3 tempat" }).waitFor({ timeout: LIVE });
    expect(await unreloaded(page)).toBe(true);
    await f.audit(page, "/kunjungan/pesan jam 390");
    await shot(page, "kunjungan-pesan-jam");
    await page.getByRole("button", { name: "Lanjut" }).click();

    await page.getByRole("heading", { name: "Periksa kembali jadwal Anda" }).waitFor();
    await page.getByText("Verifikasi dokumen asli").waitFor();
    await f.audit(page, "/kunjungan/pesan periksa 390");
    await shot(page, "kunjungan-pesan-periksa");
    await page.getByRole("button", { name: "Pesan jadwal" }).click();

    await page.getByRole("heading", { name: "Jadwal kunjungan dipesan" }).waitFor();
    const booked = await t.db.prisma.kunjungan.findFirstOrThrow({ where: { pemohonId: warga.id } });
    kode = booked.kode;
    expect(booked).toMatchObject({ status: "DIPESAN", tujuan: "VERIFIKASI" });
    expect(booked.mulai.toISOString()).toBe(mulai);
    await page.getByText("Tunjukkan kode ini di loket").waitFor();
    expect(await page.locator(".kunjungan-kode__nilai").innerText()).toBe(kode);
    const jam = new Intl.DateTimeFormat("id-ID", { timeZone: "Asia/Jakarta", hour: "2-digit", minute: "2-digit" }).format(booked.mulai);
    await page
      .getByText(new RegExp(`${jam.replace(".", "\\.")}–.* WIB`))
      .first()
      .waitFor();
    await page.getByText(/pengingat sehari sebelum kunjungan/).waitFor();
    expect(await noSideways(page)).toBe(true);
    await f.audit(page, "/kunjungan/<id> dipesan 390");
    await shot(page, "kunjungan-dipesan");

    // "Kunjungan" in the citizen's menu: the visit with its actions
    await (await menuLink(page, "Kunjungan")).click();
    await page.waitForURL(/\/kunjungan$/);
    const card = page.locator(".request", { hasText: kode });
    await card.getByText("Terjadwal").waitFor();
    await card.getByRole("link", { name: /Ubah jadwal/ }).waitFor();
    await card.getByRole("button", { name: /Batalkan/ }).click();
    await card.getByText(`Batalkan kunjungan ${kode}?`).waitFor();
    await f.audit(page, "/kunjungan konfirmasi batal 390");
    await shot(page, "kunjungan-saya");
    await card.getByRole("button", { name: "Tidak jadi" }).click();
    expect((await t.db.prisma.kunjungan.findUniqueOrThrow({ where: { id: booked.id } })).status).toBe("DIPESAN");

    // moving it: the same steps from the day, the purpose kept, the same code
    await card.getByRole("link", { name: /Ubah jadwal/ }).click();
    await page.getByRole("heading", { name: "Pilih hari kunjungan" }).waitFor();
    await page.getByText(/Jadwal Anda sekarang:/).waitFor();
    await page.locator(".kunjungan-hari__pilih:enabled").first().click();
    await page.getByRole("heading", { name: "Pilih jam kunjungan" }).waitFor();
    const next = page.locator(`input[name=mulai]:enabled:not([value="${mulai}"])`).first();
    const baru = (await next.getAttribute("value"))!;
    await next.check();
    await page.getByRole("button", { name: "Lanjut" }).click();
    await page.getByRole("heading", { name: "Periksa kembali jadwal Anda" }).waitFor();
    await page.getByRole("button", { name: "Simpan jadwal baru" }).click();
    await page.getByRole("heading", { name: "Jadwal kunjungan diubah" }).waitFor();
    expect(await page.locator(".kunjungan-kode__nilai").innerText()).toBe(kode);
    const moved = await t.db.prisma.kunjungan.findUniqueOrThrow({ where: { id: booked.id } });
    expect(moved).toMatchObject({ status: "DIPESAN", tujuan: "VERIFIKASI" });
    expect(moved.mulai.toISOString()).toBe(baru);
    mulai = baru;
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  }, 180_000);

  it("the reminder goes out a day ahead by email with a calendar invitation", async () => {
    const deps = { keys: t.keys, kanal: t.config.kanal, publicUrl: t.config.publicUrl };
    const now = new Date(new Date(mulai).getTime() - 3 * 3_600_000);
    // every booking due is reminded once: by this call, or already by the running server's own reminder round when
    // its hour is less than a day away
    const due = { status: "DIPESAN" as const, mulai: { gt: now, lte: new Date(now.getTime() + 24 * 3_600_000) } };
    const before = await t.db.prisma.kunjungan.count({ where: { ...due, diingatkanAt: { not: null } } });
    const sent = await kirimPengingat(t.db.prisma, t.app.services.pubsub, deps, now);
    expect(before + sent).toBe(await t.db.prisma.kunjungan.count({ where: due }));
    expect(await kirimPengingat(t.db.prisma, t.app.services.pubsub, deps, now)).toBe(0);
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { id: warga.id } });
    // a visit moved after the server had reminded it of its old hour is reminded again for the new one: the newest counts
    const all = (await t.db.prisma.outbox.findMany({ where: { kind: "EMAIL" }, orderBy: { createdAt: "asc" } }))
      .map((m) => m.payload as { to: string; subject: string; ics?: string })
      .filter((p) => p.to === user.email && p.subject.startsWith("Pengingat"));
    expect(all.length).toBeGreaterThanOrEqual(1);
    const mail = [all[all.length - 1]!];
    expect(mail[0]!.subject).toContain(kode);
    expect(mail[0]!.ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(mail[0]!.ics).toContain(kode);
    expect(mail[0]!.ics).toContain(
      `DTSTART:${new Date(mulai)
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "")}`,
    );
    const row = await t.db.prisma.kunjungan.findFirstOrThrow({ where: { kode } });
    expect(row.diingatkanAt).not.toBeNull();
  });

  it("desk: the officer checks a visitor in by the code they show, marks the visit done, and looks at another day", async () => {
    const today = await t.db.prisma.kunjungan.create({
      data: {
        kode: "KJG-UJI1-HARI",
        instansiId: fx.instansi.id,
        layananId: layananRaw,
        pemohonId: tamu.id,
        tujuan: "VERIFIKASI",
        mulai: new Date(Date.now() + 5 * 60_000),
        selesai: new Date(Date.now() + 65 * 60_000),
      },
    });
    const page = await open("desk", "petugas 1280");
    await logIn(page, base, fx.petugas.nomorIdentitas, /\/petugas\/antrian$/);
    await page.goto(`${base}/loket`);
    await page.getByRole("link", { name: "Kunjungan terjadwal hari ini" }).click();
    await page.getByRole("heading", { name: "Kunjungan hari ini", level: 1 }).waitFor();
    const row = page.locator("tr", { hasText: today.kode });
    await row.getByRole("cell", { name: "Siti Pengunjung Hari Ini", exact: true }).waitFor();
    await row.locator(".badge", { hasText: "Terjadwal" }).waitFor();
    await f.audit(page, "/loket/kunjungan 1280");

    // a code nobody booked is refused at the field
    await page.getByLabel("Kode kunjungan").fill("KJG-XXXX-XXXX");
    await page.getByRole("button", { name: "Catat hadir" }).click();
    // the answer comes from the server: wait for the field to be marked, not read it at once
    await page.locator('input[name="kode"][aria-invalid="true"]').waitFor();
    // the code as the visitor reads it out, in small letters
    await page.getByLabel("Kode kunjungan").fill(today.kode.toLowerCase());
    await page.getByRole("button", { name: "Catat hadir" }).click();
    await page.getByText(/Siti Pengunjung Hari Ini \(KJG-UJI1-HARI\) tercatat hadir/).waitFor();
    await row.locator(".badge", { hasText: "Sudah hadir" }).waitFor();
    expect((await t.db.prisma.kunjungan.findUniqueOrThrow({ where: { id: today.id } })).status).toBe("HADIR");
    await f.audit(page, "/loket/kunjungan hadir 1280");
    await shot(page, "loket-kunjungan");
    await row.getByRole("button", { name: /^Selesai/ }).click();
    await row.locator(".badge", { hasText: "Selesai" }).waitFor();
    expect((await t.db.prisma.kunjungan.findUniqueOrThrow({ where: { id: today.id } })).status).toBe("SELESAI");

    // the citizen's booked day, read-only when it is not today
    const hari = localDateOf({ timeZone: "Asia/Jakarta" }, new Date(mulai));
    const todayDate = localDateOf({ timeZone: "Asia/Jakarta" }, new Date());
    await page.getByLabel("Tanggal").fill(hari);
    await page.locator("tr", { hasText: kode }).waitFor();
    if (hari !== todayDate) {
      expect(await page.getByRole("button", { name: "Catat hadir" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: /^Selesai/ }).count()).toBe(0);
    }
    await f.audit(page, "/loket/kunjungan hari lain 1280");
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  }, 120_000);
});
