;; SHA-256 (FIPS 180-4) of a message the caller has already padded (sha256.ts does): a run
;; compiles this in well under a millisecond, where loading node:crypto costs about 8 ms.
;; Memory: the digest is written at byte 0 (8 words), the message schedule W lives at 64,
;; the 64 round constants K at 512 (set by the caller once), the message from 1024.
(module
  (memory (export "memory") 1)

  ;; A big-endian word as the number it stands for (wasm loads little-endian).
  (func $bigEndian (param $x i32) (result i32)
    (i32.or
      (i32.or
        (i32.shl (local.get $x) (i32.const 24))
        (i32.and (i32.shl (local.get $x) (i32.const 8)) (i32.const 0xff0000)))
      (i32.or
        (i32.and (i32.shr_u (local.get $x) (i32.const 8)) (i32.const 0xff00))
        (i32.shr_u (local.get $x) (i32.const 24)))))

  ;; Hashes `blocks` 64-byte blocks from byte `p`.
  (func (export "digest") (param $p i32) (param $blocks i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32)
    (local $e i32) (local $f i32) (local $g i32) (local $h i32)
    (local $h0 i32) (local $h1 i32) (local $h2 i32) (local $h3 i32)
    (local $h4 i32) (local $h5 i32) (local $h6 i32) (local $h7 i32)
    (local $i i32) (local $w i32) (local $x i32) (local $t1 i32) (local $t2 i32)
    (local.set $h0 (i32.const 0x6a09e667))
    (local.set $h1 (i32.const 0xbb67ae85))
    (local.set $h2 (i32.const 0x3c6ef372))
    (local.set $h3 (i32.const 0xa54ff53a))
    (local.set $h4 (i32.const 0x510e527f))
    (local.set $h5 (i32.const 0x9b05688c))
    (local.set $h6 (i32.const 0x1f83d9ab))
    (local.set $h7 (i32.const 0x5be0cd19))
    (block $done
      (loop $block
        (br_if $done (i32.eqz (local.get $blocks)))
        ;; W[0..15]: the block's words.
        (local.set $i (i32.const 0))
        (loop $load
          (local.set $w (i32.shl (local.get $i) (i32.const 2)))
          (i32.store offset=64 (local.get $w) (call $bigEndian (i32.load (i32.add (local.get $p) (local.get $w)))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $load (i32.lt_u (local.get $i) (i32.const 16))))
        ;; W[16..63] = σ1(W[i-2]) + W[i-7] + σ0(W[i-15]) + W[i-16].
        (loop $extend
          (local.set $w (i32.shl (local.get $i) (i32.const 2)))
          (local.set $x (i32.load offset=64 (i32.sub (local.get $w) (i32.const 60))))
          (local.set $t1
            (i32.xor
              (i32.xor (i32.rotr (local.get $x) (i32.const 7)) (i32.rotr (local.get $x) (i32.const 18)))
              (i32.shr_u (local.get $x) (i32.const 3))))
          (local.set $x (i32.load offset=64 (i32.sub (local.get $w) (i32.const 8))))
          (local.set $t2
            (i32.xor
              (i32.xor (i32.rotr (local.get $x) (i32.const 17)) (i32.rotr (local.get $x) (i32.const 19)))
              (i32.shr_u (local.get $x) (i32.const 10))))
          (i32.store offset=64 (local.get $w)
            (i32.add
              (i32.add (local.get $t1) (local.get $t2))
              (i32.add
                (i32.load offset=64 (i32.sub (local.get $w) (i32.const 28)))
                (i32.load offset=64 (i32.sub (local.get $w) (i32.const 64))))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $extend (i32.lt_u (local.get $i) (i32.const 64))))
        ;; The 64 rounds.
        (local.set $a (local.get $h0))
        (local.set $b (local.get $h1))
        (local.set $c (local.get $h2))
        (local.set $d (local.get $h3))
        (local.set $e (local.get $h4))
        (local.set $f (local.get $h5))
        (local.set $g (local.get $h6))
        (local.set $h (local.get $h7))
        (local.set $i (i32.const 0))
        (loop $round
          (local.set $w (i32.shl (local.get $i) (i32.const 2)))
          ;; T1 = h + Σ1(e) + Ch(e, f, g) + K[i] + W[i]
          (local.set $t1
            (i32.add
              (i32.add
                (local.get $h)
                (i32.xor
                  (i32.xor (i32.rotr (local.get $e) (i32.const 6)) (i32.rotr (local.get $e) (i32.const 11)))
                  (i32.rotr (local.get $e) (i32.const 25))))
              (i32.add
                (i32.xor
                  (i32.and (local.get $e) (local.get $f))
                  (i32.and (i32.xor (local.get $e) (i32.const -1)) (local.get $g)))
                (i32.add (i32.load offset=512 (local.get $w)) (i32.load offset=64 (local.get $w))))))
          ;; T2 = Σ0(a) + Maj(a, b, c)
          (local.set $t2
            (i32.add
              (i32.xor
                (i32.xor (i32.rotr (local.get $a) (i32.const 2)) (i32.rotr (local.get $a) (i32.const 13)))
                (i32.rotr (local.get $a) (i32.const 22)))
              (i32.xor
                (i32.xor (i32.and (local.get $a) (local.get $b)) (i32.and (local.get $a) (local.get $c)))
                (i32.and (local.get $b) (local.get $c)))))
          (local.set $h (local.get $g))
          (local.set $g (local.get $f))
          (local.set $f (local.get $e))
          (local.set $e (i32.add (local.get $d) (local.get $t1)))
          (local.set $d (local.get $c))
          (local.set $c (local.get $b))
          (local.set $b (local.get $a))
          (local.set $a (i32.add (local.get $t1) (local.get $t2)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $round (i32.lt_u (local.get $i) (i32.const 64))))
        (local.set $h0 (i32.add (local.get $h0) (local.get $a)))
        (local.set $h1 (i32.add (local.get $h1) (local.get $b)))
        (local.set $h2 (i32.add (local.get $h2) (local.get $c)))
        (local.set $h3 (i32.add (local.get $h3) (local.get $d)))
        (local.set $h4 (i32.add (local.get $h4) (local.get $e)))
        (local.set $h5 (i32.add (local.get $h5) (local.get $f)))
        (local.set $h6 (i32.add (local.get $h6) (local.get $g)))
        (local.set $h7 (i32.add (local.get $h7) (local.get $h)))
        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (local.set $blocks (i32.sub (local.get $blocks) (i32.const 1)))
        (br $block)))
    (i32.store offset=0 (i32.const 0) (local.get $h0))
    (i32.store offset=4 (i32.const 0) (local.get $h1))
    (i32.store offset=8 (i32.const 0) (local.get $h2))
    (i32.store offset=12 (i32.const 0) (local.get $h3))
    (i32.store offset=16 (i32.const 0) (local.get $h4))
    (i32.store offset=20 (i32.const 0) (local.get $h5))
    (i32.store offset=24 (i32.const 0) (local.get $h6))
    (i32.store offset=28 (i32.const 0) (local.get $h7))))
