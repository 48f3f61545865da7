import { describe, expect, it } from "vitest";
import { s3ObjectUrl } from "@/lib/media/s3-media-storage";
import { sha256Hex, signRequest, toAmzDate, uriEncode } from "@/lib/media/sigv4";

// The worked examples of AWS's "Signature Calculations for the Authorization Header" (S3 API docs).
const credentials = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  region: "us-east-1",
  service: "s3",
};
const at = new Date("2013-05-24T00:00:00Z");

function signatureOf(headers: Record<string, string>) {
  return /Signature=([0-9a-f]{64})$/.exec(headers.authorization!)?.[1];
}

describe("signRequest (AWS Signature Version 4)", () => {
  it("signs AWS's GET Object example", () => {
    const headers = signRequest(
      { method: "GET", url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"), headers: { Range: "bytes=0-9" }, payloadHash: sha256Hex("") },
      credentials,
      at,
    );
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
    expect(headers).toMatchObject({ range: "bytes=0-9", "x-amz-date": "20130524T000000Z", "x-amz-content-sha256": sha256Hex("") });
    expect(headers).not.toHaveProperty("host");
  });

  it("signs AWS's PUT Object example, whose key needs percent-encoding", () => {
    const body = "Welcome to Amazon S3.";
    expect(sha256Hex(body)).toBe("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    const headers = signRequest(
      {
        method: "PUT",
        url: new URL(`https://examplebucket.s3.amazonaws.com/${uriEncode("test$file.text")}`),
        headers: { Date: "Fri, 24 May 2013 00:00:00 GMT", "x-amz-storage-class": "REDUCED_REDUNDANCY" },
        payloadHash: sha256Hex(body),
      },
      credentials,
      at,
    );
    expect(signatureOf(headers)).toBe("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
  });

  it("changes the signature with the secret, the body, the path and the time", () => {
    const base = { method: "PUT", url: new URL("https://b.s3.amazonaws.com/a/b.png"), payloadHash: sha256Hex("x") };
    const signature = signatureOf(signRequest(base, credentials, at));
    expect(signatureOf(signRequest(base, { ...credentials, secretAccessKey: "other" }, at))).not.toBe(signature);
    expect(signatureOf(signRequest({ ...base, payloadHash: sha256Hex("y") }, credentials, at))).not.toBe(signature);
    expect(signatureOf(signRequest({ ...base, url: new URL("https://b.s3.amazonaws.com/a/c.png") }, credentials, at))).not.toBe(signature);
    expect(signatureOf(signRequest(base, credentials, new Date(at.getTime() + 1000)))).not.toBe(signature);
  });

  it("encodes keys the way S3 does and formats x-amz-date", () => {
    expect(uriEncode("a b!'()*~_-.")).toBe("a%20b%21%27%28%29%2A~_-.");
    expect(uriEncode("été/x")).toBe("%C3%A9t%C3%A9%2Fx");
    expect(toAmzDate(new Date("2026-01-02T03:04:05.678Z"))).toBe("20260102T030405Z");
  });
});

describe("s3ObjectUrl", () => {
  const config = { bucket: "media", region: "eu-west-1", accessKeyId: "k", secretAccessKey: "s", forcePathStyle: false };

  it("addresses AWS's regional endpoint by bucket host name unless told otherwise", () => {
    expect(s3ObjectUrl(config, "org_1/med_1.jpg").href).toBe("https://media.s3.eu-west-1.amazonaws.com/org_1/med_1.jpg");
    expect(s3ObjectUrl({ ...config, endpoint: "https://acct.r2.cloudflarestorage.com" }, "a/b c.png").href).toBe(
      "https://media.acct.r2.cloudflarestorage.com/a/b%20c.png",
    );
  });

  it("puts the bucket in the path with forcePathStyle, after any path the endpoint has", () => {
    expect(s3ObjectUrl({ ...config, endpoint: "http://127.0.0.1:9000", forcePathStyle: true }, "org_1/x(1).jpg").href).toBe(
      "http://127.0.0.1:9000/media/org_1/x%281%29.jpg",
    );
    expect(s3ObjectUrl({ ...config, endpoint: "https://gw.example.com/s3/", forcePathStyle: true }, "k").href).toBe("https://gw.example.com/s3/media/k");
  });
});
