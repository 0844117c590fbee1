#!/usr/bin/env python3
"""Browser tests of `earthbox serve`: Selenium driving Debian's headless Chromium.

Starts the server, loads each page, moves sliders, checks that the plots and numbers change, that the page's
numbers match `earthbox pathway` + `earthbox run` for the same settings, that the shareable URL round-trips,
that an out-of-range API value gets a clear 400, and that every lab reproduces the numbers of docs/teaching.md.
Prints 'N passed, M failed' last; exits 1 on any failure. Skips (exit 0, with the reason) only when Chromium
cannot start.

  python scripts/test_browser.py --earthbox .build/debug/earthbox [--members 200] [--screenshots docs/screenshots]
"""
import argparse, json, os, re, shutil, socket, subprocess, sys, tempfile, time, traceback, urllib.error, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=120) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


class BrowserUnavailable(Exception):
    pass


class Session:
    def __init__(self, args):
        self.args = args
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.passed, self.failed = 0, 0
        self.log = tempfile.NamedTemporaryFile(prefix="earthbox-serve-", suffix=".log", delete=False)
        self.server = subprocess.Popen([args.earthbox, "serve", "--port", str(self.port), "--members", str(args.members)],
                                       cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 600
        while "listening on" not in self.server_log():
            if self.server.poll() is not None or time.time() > deadline:
                raise RuntimeError("earthbox serve did not start:\n" + self.server_log())
            time.sleep(0.2)
        print("  " + self.server_log().strip().replace("\n", "\n  "))
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,1250",
                     "--force-device-scale-factor=1", "--disable-gpu"]:
            options.add_argument(flag)
        try:
            self.driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
        except Exception as e:
            self.server.terminate()
            self.server.wait(timeout=30)
            raise BrowserUnavailable(str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__)
        self.driver.set_script_timeout(180)

    def server_log(self):
        with open(self.log.name) as f:
            return f.read()

    def close(self):
        try:
            self.driver.quit()
        finally:
            self.server.terminate()
            self.server.wait(timeout=30)
            os.unlink(self.log.name)

    def check(self, name, fn):
        try:
            fn()
            self.passed += 1
            print(f"PASS {name}")
        except Exception:
            self.failed += 1
            print(f"FAIL {name}")
            traceback.print_exc(limit=3)
            if self.server.poll() is not None:
                print(f"earthbox serve exited with status {self.server.returncode}:\n{self.server_log()}")

    # ----- helpers -----
    def wait(self, predicate, timeout=180, what="condition"):
        end = time.time() + timeout
        while time.time() < end:
            try:
                value = predicate()
                if value:
                    return value
            except Exception:
                pass
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}")

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def result(self):
        return self.js("return window.earthboxLast || null")

    def idle(self):
        return self.js("return document.getElementById('status').className.includes('ok')")

    def wait_result(self, predicate=lambda r: True, what="a policy result"):
        return self.wait(lambda: self.idle() and (r := self.result()) and predicate(r) and r, what=what)

    def press(self, key_id, key, times):
        from selenium.webdriver.common.keys import Keys
        slider = self.driver.find_element("id", "s-" + key_id)
        for _ in range(times):
            slider.send_keys(getattr(Keys, key))

    def median_path(self):
        return self.js("const p = document.querySelector('#plot-warming path.median-line'); return p ? p.getAttribute('d') : null")

    def screenshot(self, name):
        if self.args.screenshots:
            os.makedirs(self.args.screenshots, exist_ok=True)
            time.sleep(0.3)
            self.driver.save_screenshot(os.path.join(self.args.screenshots, name + ".png"))


def cli_summary(args, namelist_text, removals_csv=None):
    """Runs `earthbox pathway` and `earthbox run` on the page's namelist (and the removals file it names, if any);
    returns the printed numbers."""
    folder = tempfile.mkdtemp(prefix="earthbox-browser-")
    try:
        text = namelist_text.replace("'Runs/web", "'" + folder)
        path = os.path.join(folder, "web.nml")
        with open(path, "w") as f:
            f.write(text)
        named = re.search(r"co2_emissions_file = '([^']+)'", text)
        assert (named is None) == (removals_csv is None), "the namelist and the removals file go together"
        if named:
            with open(named.group(1), "wb") as f:
                f.write(removals_csv)
        if "&pathway" in text:
            subprocess.run([args.earthbox, "pathway", path], cwd=ROOT, check=True, capture_output=True, text=True)
        out = subprocess.run([args.earthbox, "run", path], cwd=ROOT, check=True, capture_output=True, text=True).stdout
        w2100 = float(re.search(r"warming 2100 \(vs 1850-1900\):\s+(-?[\d.]+) K", out).group(1))
        peak = re.search(r"peak warming \(vs 1850-1900\):\s+(-?[\d.]+) K in (\d+)", out)
        co2 = float(re.search(r"CO2 in 2100:\s+([\d.]+) ppm", out).group(1))
        return {"w2100": w2100, "peak": float(peak.group(1)), "peak_year": int(peak.group(2)), "co2": co2, "text": out}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def policy_tests(s):
    d = s.driver
    state = {}

    def loads():
        d.get(s.base + "/#policy")
        r = s.wait_result(what="the first plume")
        assert r["members"] == s.args.members, r["members"]
        assert s.median_path(), "no median line drawn"
        assert len(r["warming"]) == 5 and len(r["warming"][2]) == 251
        lo, med, hi = r["warming"][0][-1], r["warming"][2][-1], r["warming"][4][-1]
        assert lo < med < hi, (lo, med, hi)            # a real plume
        for card in ["peak", "p15", "category", "w2100", "budget", "co2"]:
            assert d.find_element("id", "card-" + card).text.strip()
        state["first"] = r
        state["path"] = s.median_path()
        state["first_text"] = d.find_element("id", "num-peak").text
        s.screenshot("policy")

    def slider_changes_plot_and_numbers():
        before = state["first"]
        s.press("net_zero_year", "ARROW_LEFT", 15)          # net zero 15 years earlier
        value = d.find_element("id", "s-net_zero_year").get_attribute("value")
        assert int(value) == int(before["request"]["net_zero_year"]) - 15, value
        r = s.wait_result(lambda r: r["request"].get("net_zero_year") == value, what="the slider's result")
        assert s.median_path() != state["path"], "the plot did not change"
        assert r["summary"]["peak_warming"][2] < before["summary"]["peak_warming"][2], "earlier net zero must lower peak warming"
        shown = float(d.find_element("id", "num-peak").text.split()[0])
        assert abs(shown - r["summary"]["peak_warming"][2]) < 0.006, shown
        assert d.find_element("id", "num-peak").text != state["first_text"], "the shown number did not change"

    def newest_request_wins():
        s.press("peak_year", "ARROW_RIGHT", 12)              # twelve moves in a burst: only the last one may be drawn
        value = d.find_element("id", "s-peak_year").get_attribute("value")
        r = s.wait_result(lambda r: r["request"].get("peak_year") == value, what="the newest request")
        time.sleep(1.5)                                      # any stale answer arriving late must not replace it
        assert s.result()["request"]["peak_year"] == value

    def baseline_compare():
        d.find_element("id", "save-baseline").click()
        s.press("peak_emissions", "ARROW_RIGHT", 30)
        s.wait_result(lambda r: float(r["request"]["peak_emissions"]) > float(state["first"]["request"]["peak_emissions"]), what="peak change")
        s.wait(lambda: "baseline" in d.find_element("id", "card-peak").text, what="baseline delta")
        assert s.js("return document.querySelectorAll('#plot-warming path[stroke-dasharray=\"6 4\"]').length") >= 1
        s.screenshot("policy-baseline")

    def single_member_matches_cli():
        d.find_element("css selector", "input[name=mode][value=single]").click()
        s.press("equilibrium_climate_sensitivity", "ARROW_RIGHT", 4)   # ECS 3.4
        r = s.wait_result(lambda r: r["request"]["mode"] == "single" and r["request"]["equilibrium_climate_sensitivity"] == "3.4",
                          what="the single run")
        query = d.current_url.split("#policy?", 1)[1]
        status, body = get(s.base + "/api/policy.nml?" + query)
        assert status == 200, body
        cli = cli_summary(s.args, body.decode())
        page = {"w2100": float(d.find_element("id", "num-w2100").text.split()[0]),
                "peak": r["summary"]["peak_annual"], "peak_year": int(d.find_element("id", "num-peak-year").text),
                "co2": float(d.find_element("id", "num-co2").get_attribute("data-value"))}
        assert page["w2100"] == cli["w2100"], (page, cli["text"])
        assert f"{page['peak']:5.2f}".strip() == f"{cli['peak']:.2f}" and page["peak_year"] == cli["peak_year"], (page, cli["text"])
        assert f"{page['co2']:.1f}" == f"{cli['co2']:.1f}", (page, cli["text"])
        s.screenshot("policy-single")

    def share_url_round_trips():
        url = d.current_url
        before = s.result()
        sliders = {k: d.find_element("id", "s-" + k).get_attribute("value") for k in ["peak_year", "peak_emissions", "net_zero_year", "equilibrium_climate_sensitivity"]}
        d.get("about:blank")
        d.get(url)
        r = s.wait_result(what="the shared page")
        assert r["request"] == before["request"], (r["request"], before["request"])
        assert r["summary"] == before["summary"]
        for k, v in sliders.items():
            assert d.find_element("id", "s-" + k).get_attribute("value") == v, k
        assert d.current_url == url

    def out_of_range_is_400():
        status, body = get(s.base + "/api/policy?mode=single&equilibrium_climate_sensitivity=20")
        j = json.loads(body)
        assert status == 400 and j["field"] == "equilibrium_climate_sensitivity", (status, j)
        assert "outside the allowed range [0.5, 10.0]" in j["message"], j
        status, body = get(s.base + "/api/policy?pathway=on&peak_year=2030&net_zero_year=2020")
        j = json.loads(body)
        assert status == 400 and j["field"] == "net_zero_year" and "after" in j["message"], j
        # The page shows the server's message for a value typed into the address bar.
        d.get(s.base + "/#policy?mode=single&equilibrium_climate_sensitivity=20")
        s.wait(lambda: "outside the allowed range" in d.find_element("id", "status").text, what="the error on the page")

    def downloads():
        query = "mode=single&pathway=on&region=China&peak_year=2030&peak_emissions=12.5&net_zero_year=2060"
        status, body = get(s.base + "/api/policy.csv?" + query)
        assert status == 200 and b"Surface Temperature (GSAT)|EarthBox|50.0th Percentile" in body
        status, body = get(s.base + "/api/policy.nc?" + query)
        assert status == 200 and body[:4] == b"\x89HDF", body[:8]

    removal_world = ("mode=ensemble&weighting=constrained&scenario=ssp126&pathway=on&region=World&peak_year=2030&peak_emissions=40"
                     "&net_zero_year=2060&residual_emissions=3&removal_rate=5&removal_years=40")
    routes = {"geological": "", "land": "&land_removal_capacity=10&land_removal_start_year=2023&land_removal_ramp_years=0",
              "ocean": "&ocean_alkalinity_capacity=10&ocean_alkalinity_start_year=2023&ocean_alkalinity_ramp_years=0"}

    def removal_by_type():
        # The same pathway, all its removals done by one route at a time: the same removal on paper, three climates.
        out = {}
        s.js("localStorage.removeItem('earthbox-baseline')")   # no baseline from the earlier tests on these pages
        for route, extra in routes.items():
            d.get("about:blank")
            d.get(s.base + "/#policy?" + removal_world + extra)
            r = s.wait_result(lambda r: r["request"]["scenario"] == "ssp126", what=f"the {route} removal")
            s.wait(lambda: d.find_element("id", "removal-" + route).is_displayed(), what=f"the {route} row")
            effects = r["removal"]["effects"]
            assert [e["route"] for e in effects] == [route], effects
            e = effects[0]
            assert abs(e["booked_pgc"] - e["nominal_pgc"]) < 1e-9 * e["nominal_pgc"], e     # the model carried what was removed
            assert r["removal"]["largest_ledger_residual_pgc"] < 1e-6, r["removal"]
            assert e["co2_change_2100"][2] < 0 and e["warming_change_2100"][2] < 0, e
            assert 0 < e["carbon_kept_out_2100_pgc"][2] < e["nominal_pgc"], e            # the ocean and land give some back
            shown = float(d.find_element("id", "removal-" + route).get_attribute("data-co2"))
            assert shown == e["co2_change_2100"][2], (shown, e)
            out[route] = (e["nominal_pgc"], r["summary"]["co2_2100"][2], r["summary"]["warming_2100"][2])
            if route == "land":
                s.screenshot("policy-removal")
        nominal = [v[0] for v in out.values()]
        assert max(nominal) - min(nominal) < 1e-9 * max(nominal) and nominal[0] > 90, out
        for a, b in [("geological", "land"), ("geological", "ocean"), ("land", "ocean")]:
            assert max(abs(out[a][1] - out[b][1]), abs(out[a][2] - out[b][2]) / 0.01) > 1, (a, b, out)
        assert out["land"][2] > out["geological"][2], out      # new forest darkens the surface and loses carbon again
        # A slider move: half a gigatonne of forests from 2030 moves part of the removal and redraws the table.
        d.get("about:blank")
        d.get(s.base + "/#policy?" + removal_world)
        s.wait_result(lambda r: r["request"]["scenario"] == "ssp126", what="the geological removal")
        s.press("land_removal_capacity", "ARROW_RIGHT", 5)
        r = s.wait_result(lambda r: r["request"].get("land_removal_capacity") == "0.5", what="the land slider's result")
        assert [e["route"] for e in r["removal"]["effects"]] == ["geological", "land"], r["removal"]["effects"]
        assert d.find_element("id", "removal-land").is_displayed()

    def removal_by_type_api_and_cli():
        # The Python/HTTP API: the same request as POSTed JSON gives the page's numbers, and the single run equals
        # `earthbox pathway` + `earthbox run` on the downloaded namelist and removals file.
        query = removal_world.replace("mode=ensemble", "mode=single") + routes["land"].replace("=10", "=2") + routes["ocean"].replace("=10", "=1").replace("2023", "2040")
        d.get("about:blank")
        d.get(s.base + "/#policy?" + query)
        page = s.wait_result(lambda r: r["request"]["mode"] == "single" and r["request"].get("ocean_alkalinity_start_year") == "2040", what="the split single run")
        body = json.dumps(page["request"]).encode()      # the request the page sent, as a Python client would POST it
        req = urllib.request.Request(s.base + "/api/policy", data=body, headers={"Content-Type": "application/json"}, method="POST")
        with urllib.request.urlopen(req, timeout=120) as resp:
            api = json.load(resp)
        assert api["summary"] == page["summary"] and api["removal"]["effects"] == page["removal"]["effects"], "API and page differ"
        assert [e["route"] for e in api["removal"]["effects"]] == ["geological", "land", "ocean"], api["removal"]["effects"]
        status, nml = get(s.base + "/api/policy.nml?" + query)
        assert status == 200 and b"co2_emissions_file" in nml, nml
        status, csv = get(s.base + "/api/policy.removals.csv?" + query)
        assert status == 200 and csv.splitlines()[1] == b"year,co2_fossil,land_removal,ocean_alkalinity", csv[:200]
        cli = cli_summary(s.args, nml.decode(), csv)
        assert f"{page['summary']['warming_2100'][2]:.2f}" == f"{cli['w2100']:.2f}", (page["summary"], cli["text"])
        assert f"{page['summary']['co2_2100'][2]:.1f}" == f"{cli['co2']:.1f}", (page["summary"], cli["text"])
        status, body = get(s.base + "/api/policy?pathway=on&land_removal_capacity=30")
        j = json.loads(body)
        assert status == 400 and j["field"] == "land_removal_capacity" and "outside the allowed range [0.0, 20.0]" in j["message"], j

    for name, fn in [("policy page loads with a plume", loads), ("a slider changes the plot and the numbers", slider_changes_plot_and_numbers),
                     ("the newest request wins", newest_request_wins), ("saved baseline is compared", baseline_compare),
                     ("single run equals earthbox run", single_member_matches_cli), ("shareable URL round-trips", share_url_round_trips),
                     ("out-of-range input gets a clear 400", out_of_range_is_400), ("CSV and NetCDF downloads", downloads),
                     ("CO2 removal by type: three routes, one removal, three climates; the ledger closes", removal_by_type),
                     ("CO2 removal by type: HTTP API and earthbox run agree with the page", removal_by_type_api_and_cli)]:
        s.check(name, fn)


def lab_tests(s):
    d = s.driver

    def open_lab(name):
        d.get(s.base + "/#lab/" + name)
        d.refresh()
        return s.wait(lambda: s.idle() and s.js("return window.earthboxLab && window.earthboxLab.lab") == name and s.js("return window.earthboxLab"),
                      what=name)

    def number(pattern, text):
        return float(re.search(pattern, text).group(1))

    def snowball():
        t = open_lab("snowball-hysteresis")
        notes = " ".join(t["notes"])
        assert abs(number(r"snowball onset.*?: ([\d.]+) W m-2", notes) - 1259) < 3, notes
        assert abs(number(r"snowball exit.*?: ([\d.]+) W m-2", notes) - 1834) < 3, notes
        assert abs(number(r"from an edge at ([\d.]+) degN straight", notes) - 78) < 1.5, notes
        legs = {r[1] for r in t["rows"]}
        assert legs == {1, 2, 3}, legs
        assert s.js("return document.querySelectorAll('#lab-plot circle').length") == len(t["rows"])
        s.screenshot("lab-snowball-hysteresis")
        s.press("lab_ice_albedo", "ARROW_RIGHT", 5)
        t2 = s.wait(lambda: s.idle() and (x := s.js("return window.earthboxLab")) and x["notes"] != t["notes"] and x, what="new hysteresis")
        assert number(r"snowball onset.*?: ([\d.]+) W m-2", " ".join(t2["notes"])) > number(r"snowball onset.*?: ([\d.]+) W m-2", notes)

    def feedbacks():
        t = open_lab("feedback-switches")
        w = [r[1] for r in t["rows"]]
        assert abs(w[0] - 3.0) < 0.01 and 0.5 < w[0] - w[1] < 0.9, w      # ice-albedo adds ~0.6 K to 3 K (docs/teaching.md)
        assert abs(t["rows"][5][3] - 5) <= 2, t["rows"][5]                  # mixed layer alone: 63 % in ~5 yr
        assert "3.00 K" in d.find_element("id", "lab-plot").text
        s.screenshot("lab-feedback-switches")
        s.press("lab_equilibrium_climate_sensitivity", "ARROW_RIGHT", 10)
        t2 = s.wait(lambda: s.idle() and (x := s.js("return window.earthboxLab")) and x["rows"][0][1] > 3.5 and x, what="ECS 4")
        assert abs(t2["rows"][0][1] - 4.0) < 0.01, t2["rows"][0]
        assert "4.00 K" in d.find_element("id", "lab-plot").text

    def commitment():
        t = open_lab("zero-emission-commitment")
        zec = number(r"\(ZEC\): (-?[\d.]+) K", " ".join(t["notes"]))
        assert abs(zec) < 0.3, zec                                          # ZEC ≈ 0 (MacDougall et al. 2020)
        s.screenshot("lab-zero-emission-commitment")
        path = s.js("return document.querySelector('#lab-plot path[stroke=\"#c92a2a\"]').getAttribute('d')")
        s.press("lab_emissions_stop_year", "ARROW_RIGHT", 4)                    # stop in 2050
        s.wait(lambda: s.idle() and "2050" in s.js("return window.earthboxLab.title"), what="stop in 2050")
        assert s.js("return document.querySelector('#lab-plot path[stroke=\"#c92a2a\"]').getAttribute('d')") != path

    def ocean():
        t = open_lab("ocean-depth")
        defaults = [r for r in t["rows"] if r[0] in (10, 60, 150) and r[1] in (0.2, 0.6, 2.0)]
        tcr = [r[2] for r in defaults]
        assert abs(max(tcr) - 2.2) < 0.1 and abs(min(tcr) - 1.5) < 0.1, tcr
        assert len(t["rows"]) == 16
        s.screenshot("lab-ocean-depth")
        s.press("lab_diffusivities", "ARROW_LEFT", 10)
        s.wait(lambda: s.idle() and any(abs(r[1] - 0.5) < 1e-9 for r in s.js("return window.earthboxLab.rows")), what="diffusivity 0.5")

    for name, fn in [("snowball lab: hysteresis thresholds", snowball), ("feedback lab: ice-albedo and ocean timescales", feedbacks),
                     ("commitment lab: ZEC near zero", commitment), ("ocean-depth lab: TCR range", ocean)]:
        s.check(name, fn)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--earthbox", default=os.path.join(ROOT, ".build/debug/earthbox"))
    p.add_argument("--members", type=int, default=200)
    p.add_argument("--screenshots", default=None)
    args = p.parse_args()
    args.earthbox = os.path.abspath(args.earthbox)
    try:
        import selenium  # noqa: F401
    except ImportError as e:
        print(f"browser tests: error: selenium is not installed ({e})")
        return 1
    try:
        s = Session(args)
    except BrowserUnavailable as e:
        print(f"browser tests skipped: chromium cannot start: {e}")
        return 0
    try:
        policy_tests(s)
        lab_tests(s)
    finally:
        s.close()
    print(f"browser: {s.passed} passed, {s.failed} failed")
    return 1 if s.failed else 0


if __name__ == "__main__":
    sys.exit(main())
